"""The Quick briefing page in a real Chromium: choose a ready-made set, download the PowerPoint,
the PDF and the PNGs as an official does, open them, and present the charts full screen."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from indicators.core.settings import settings
from indicators.present import chart_spec

from .helpers import no_errors, wait_for_charts

TRENDS = "/xu-huong?era=legacy&period=2016-2020&ind=hh_internet_pct&reg=56,568"
VIEWED = "trend~hh_internet_pct~legacy~56+568~2016~2020~year"  # what that view shows


@pytest.fixture(scope="module")
def phase(seeded_store, catalog) -> list[chart_spec.Chart]:
    """The 2016–2020 set as `indicators.present.chart_spec` builds it from the bundled data
    (the server seeds its own store from the same files)."""
    rev = seeded_store.current_revision()
    with seeded_store.connect(read_only=True) as con:
        specs = chart_spec.preset("phase_2016_2020", con, rev, catalog=catalog, settings=settings())
        return [chart_spec.build(con, s, catalog=catalog, rev=rev, lang="vi") for s in specs]


@pytest.fixture(scope="module")
def viewed(seeded_store, catalog) -> chart_spec.Chart:
    rev = seeded_store.current_revision()
    with seeded_store.connect(read_only=True) as con:
        spec = chart_spec.ChartSpec.from_token(VIEWED)
        return chart_spec.build(con, spec, catalog=catalog, rev=rev, lang="vi")


def download(page: Page, label: str) -> tuple[bytes, str, float]:
    """Click a download button; the file's bytes, its name and the seconds it took."""
    t0 = time.monotonic()
    with page.expect_download(timeout=180_000) as info:
        page.get_by_role("button", name=label, exact=True).click()
    data = Path(info.value.path()).read_bytes()
    return data, info.value.suggested_filename, time.monotonic() - t0


def test_a_preset_deck_downloads_and_presents(server, page, phase, viewed, screenshots, timings):
    from pptx import Presentation
    from pypdf import PdfReader

    page.goto(server.url)  # a cold server learns its pages on the first run; then open ours
    wait_for_charts(page, 1)
    page.goto(server.url + TRENDS)
    wait_for_charts(page, 2)
    # within the session (the sidebar's links), the trend just looked at is offered
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Báo cáo nhanh").click()
    expect(page.get_by_role("heading", name="Báo cáo nhanh")).to_be_visible(timeout=30_000)
    offered = page.get_by_text(f"Xu hướng · {viewed.title} · {viewed.areas} · 2016–2020")
    expect(offered).to_be_visible()
    page.get_by_role("button", name="Thêm", exact=True).first.click()
    expect(page.get_by_text(viewed.caption, exact=True)).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="Bộ trình bày: 1 biểu đồ")).to_be_visible()
    page.get_by_role("button", name="Bỏ hết").click()
    expect(page.get_by_role("heading", name="Bộ trình bày: 0 biểu đồ")).to_be_visible()

    n = len(phase)
    page.get_by_role("button", name=f"Tổng kết giai đoạn 2016–2020 ({n} biểu đồ)").click()
    expect(page.get_by_role("heading", name=f"Bộ trình bày: {n} biểu đồ")).to_be_visible(
        timeout=30_000
    )
    for chart in phase:
        expect(page.get_by_text(chart.caption, exact=True)).to_be_visible()
    assert "charts=" in page.url
    no_errors(page)
    page.mouse.move(0, 0)  # no tooltip in the picture
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / "briefing-vi.png")

    # PowerPoint: a title slide, then one slide per chart with its title, caption and picture
    data, name, seconds = download(page, "PowerPoint (.pptx)")
    timings["briefing_pptx_8_charts_s"] = seconds
    assert name.endswith(".pptx")
    deck = Presentation(io.BytesIO(data))
    assert len(deck.slides) == n + 1
    assert abs(deck.slide_width / deck.slide_height - 16 / 9) < 0.001
    for slide, chart in zip(list(deck.slides)[1:], phase, strict=True):
        assert slide.shapes.title.text == chart.title
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert chart.caption in texts
        assert any(s.shape_type == 13 for s in slide.shapes)  # a picture

    # PDF: the same slides, 16:9 pages; two of them rendered for the README
    data, name, seconds = download(page, "PDF")
    timings["briefing_pdf_8_charts_s"] = seconds
    assert name.endswith(".pdf")
    pdf = PdfReader(io.BytesIO(data))
    assert len(pdf.pages) == n + 1
    box = pdf.pages[1].mediabox
    assert abs(float(box.width) / float(box.height) - 16 / 9) < 0.01
    assert phase[0].title in pdf.pages[1].extract_text().replace("\n", " ")
    render_pdf_pages(data, [1, 2], screenshots)

    # PNGs: one per chart, 1920 × 1080, in slide order, with a captions file
    data, name, seconds = download(page, "Ảnh PNG (.zip)")
    timings["briefing_zip_8_charts_s"] = seconds
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        pngs = sorted(f for f in zf.namelist() if f.endswith(".png"))
        assert [p.split("_", 1)[1] for p in pngs] == [f"{c.stem}.png" for c in phase]
        from PIL import Image

        assert Image.open(io.BytesIO(zf.read(pngs[0]))).size == (1920, 1080)
        assert phase[0].caption in zf.read("chu-thich.txt").decode()

    # the presentation view: no sidebar or header, the chart alone in a 16:9 area
    page.get_by_role("link", name="Trình chiếu").click()
    wait_for_charts(page, 1)
    area = page.locator(".st-key-present_chart " + '[data-testid="stPlotlyChart"]')
    expect(area.locator(".gtitle")).to_contain_text(phase[0].title.split()[0])
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    expect(page.locator('header[data-testid="stHeader"]')).to_be_hidden()
    expect(page.locator(".modebar")).to_have_count(0)
    size = area.bounding_box()
    assert size is not None
    assert (round(size["width"]), round(size["height"])) == (1280, 720)
    nav = page.locator(".st-key-present_nav").bounding_box()
    assert nav is not None and nav["y"] >= size["y"] + size["height"]  # controls below the chart
    no_errors(page)
    page.wait_for_timeout(300)
    area.screenshot(path=screenshots / "present-vi.png")

    # the arrow keys change slides; Esc goes back to the page
    expect(page.get_by_text(f"Trang 1/{n}")).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text(f"Trang 2/{n}")).to_be_visible(timeout=30_000)
    assert "slide=2" in page.url
    page.get_by_role("button", name="Thoát").click()
    expect(page.get_by_role("heading", name="Báo cáo nhanh")).to_be_visible(timeout=30_000)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_visible()
    assert "present" not in page.url and "charts=" in page.url


def render_pdf_pages(data: bytes, indexes: list[int], folder: Path) -> None:
    """PDF pages as PNGs (pypdfium2), named slide-1-vi.png, slide-2-vi.png, …"""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    for k, index in enumerate(indexes, 1):
        page = doc[index]
        scale = 1600 / page.get_width()
        page.render(scale=scale).to_pil().save(folder / f"slide-{k}-vi.png")
    doc.close()


def test_image_menu_under_a_trend_downloads_a_framed_png(server, page, timings):
    """The 'Tải ảnh' menu under a Trends chart gives a 1920×1080 PNG drawn on the server."""
    from PIL import Image

    page.goto(server.url)
    wait_for_charts(page, 1)
    page.goto(server.url + "/xu-huong?era=legacy&period=2016-2020")
    wait_for_charts(page, 2)
    page.get_by_role("button", name="Tải ảnh").first.click()
    data, name, seconds = download(page, "PNG 16:9 (1920×1080)")
    timings["trend_png_s"] = seconds
    assert name.endswith("_wide.png") and name.startswith("post_commune_pct")
    assert Image.open(io.BytesIO(data)).size == (1920, 1080)
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Tải ảnh").first.click()
    data, name, _ = download(page, "SVG (vẽ lại không vỡ nét)")
    svg = data.decode()
    assert svg.startswith("<svg") and "Phiên bản dữ liệu" in svg and "Xuất ngày" in svg
