"""Tables as they are published: the test corpus for reading yearbooks and rankings (issue 13).

Each example is a table copied in layout (and, where the page prints them, in figures) from a
public source named in its `cite`; figures we had to make up are said to be illustrative. Rows
are the printed text, top to bottom. `csv_bytes` and `xlsx_bytes` give the files an analyst
would upload: the CSV as Excel saves it, the XLSX with merged header cells and typed numbers.
Addresses and what was copied from each: tests/ingest/PUBLISHED_SOURCES.md.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

# ruff: noqa: E501  (addresses and printed rows are kept whole, as the sources print them)


@dataclass(frozen=True)
class Example:
    name: str
    cite: str
    rows: list[list[str]]
    merged: tuple[str, ...] = ()
    numbers: str = "vi"
    mapping: dict[str, str] = field(default_factory=dict)
    area: tuple[str, str] | None = ("legacy", "56")
    expected: tuple[tuple, ...] = ()
    expected_source: str | None = None
    expected_note: str | None = None
    expected_warnings: tuple[str, ...] = ()


def _grid(text: str) -> list[list[str]]:
    """A printed table written one row a line, cells split on '|', a literal backslash-n for a
    line break inside a cell; every row padded to the widest, as Excel saves a used range."""
    rows = [
        [c.strip().replace("\\n", "\n") for c in line.split("|")]
        for line in text.strip().splitlines()
    ]
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


def _values(series: str, periods: str, values: str, prel: str = "") -> tuple[tuple, ...]:
    """Hand-typed canonical rows: 'indicator unit_list region', then periods and values, space-
    separated in the same order; the period named by `prel` is preliminary."""
    indicator, unit_list, region = series.split()
    ps, vs = periods.split(), values.split()
    assert len(ps) == len(vs), (series, ps, vs)
    status = {p: "preliminary" if p == prel else "published" for p in ps}
    return tuple(
        (indicator, unit_list, region, p, float(v), status[p]) for p, v in zip(ps, vs, strict=True)
    )


# fmt: off
_Y10_16 = "2010 2011 2012 2013 2014 2015 2016"
_Y15_20 = "2015 2016 2017 2018 2019 2020"
_Y15_21 = "2015 2016 2017 2018 2019 2020 2021"
_Y16_20 = "2016 2017 2018 2019 2020"
_Y21_H1 = "2021 2022 2023 2024 2025-H1"
_NOTE_2018 = (
    "Số thuê bao di động năm 2018 giảm do các doanh nghiệp viễn thông thu hồi thuê bao "
    "có thông tin không chính xác theo Nghị định số 49/2017/NĐ-CP"
)
_INDEX = "Chỉ số phát triển (Năm trước = 100) - %\\nIndex (Previous year = 100) - %"
_YB_HEAD = """
| Số thuê bao điện thoại\\nNumber of telephone subscribers | | | Số thuê bao internet\\nNumber of internet subscribers
| Tổng số\\nTotal | Chia ra - Of which
| | Di động\\nMobi-phone | Cố định\\nTelephone
Thuê bao - Subscribers"""
_YB_MERGED = ("A1:E1", "A2:E2", "A4:A6", "B4:D4", "E4:E6", "B5:B6", "C5:D5", "A7:E7")
_YB_MAP = {"di dong": "mobile_subscriptions", "so thue bao internet": "fixed_bb_subscriptions"}
_YB_CITE = (
    "layout from https://nghean.gov.vn/van-tai-buu-chinh-va-vien-thong/so-thue-bao-dien-thoai-360550 "
    "('Tổng số / Total', 'Chia ra - Of which' over 'Di động - Mobi-phone' and 'Cố định - Telephone', "
    "block 'Thuê bao - Subscribers', stacked block 'Chỉ số phát triển (Năm trước = 100) - %', "
    "'Sơ bộ - Prel. 2020', 'Nguồn: Niên giám thống kê 2020') and "
    "http://thongkequangngai.com/niengiam2016/files/assets/basic-html/page318.html (numbered "
    "bilingual title '208. Số thuê bao điện thoại và internet', the internet column, the 'Ghi chú:' "
    "row); unit line 'ĐVT: Thuê bao' added as the issue describes; figures illustrative for Khánh Hòa"
)
YEARBOOK_2020 = Example(
    name="yearbook_subscribers_vi_en",
    cite=_YB_CITE + "; the 2019 mobile index is misprinted on purpose (112,41 for 112,14).",
    rows=_grid(f"""
208. Số thuê bao điện thoại và internet
Number of telephone and internet subscribers
| | | | ĐVT: Thuê bao{_YB_HEAD}
2015 | 1.385.120 | 1.259.870 | 125.250 | 98.460
2016 | 1.452.306 | 1.355.912 | 96.394 | 121.085
2017 | 1.530.874 | 1.446.105 | 84.769 | 148.230
2018 | 1.441.562 | 1.371.020 | 70.542 | 176.912
2019 | 1.598.301 | 1.537.456 | 60.845 | 203.377
Sơ bộ - Prel. 2020 | 1.662.954 | 1.611.202 | 51.752 | 231.640
{_INDEX}
2015 | 106,84 | 109,71 | 84,53 | 123,80
2016 | 104,85 | 107,62 | 76,96 | 122,98
2017 | 105,41 | 106,65 | 87,94 | 122,42
2018 | 94,17 | 94,81 | 83,22 | 119,35
2019 | 110,87 | 112,41 | 86,25 | 114,96
Sơ bộ - Prel. 2020 | 104,05 | 104,80 | 85,06 | 113,90
Ghi chú: {_NOTE_2018}
Nguồn: Niên giám thống kê tỉnh Khánh Hòa 2020"""),
    merged=(*_YB_MERGED, "A14:E14", "A21:E21", "A22:E22"),
    mapping=_YB_MAP,
    expected=(
        *_values("mobile_subscriptions legacy 56", _Y15_20, "1259870 1355912 1446105 1371020 1537456 1611202", "2020"),
        *_values("fixed_bb_subscriptions legacy 56", _Y15_20, "98460 121085 148230 176912 203377 231640", "2020"),
    ),
    expected_source="Niên giám thống kê tỉnh Khánh Hòa 2020",
    expected_note=_NOTE_2018,
    expected_warnings=(
        "growth index 2019 'Di động': printed 112,41, values give 112,14 (1.537.456 / 1.371.020)",
    ),
)

YEARBOOK_2021 = Example(
    name="yearbook_subscribers_vi_en_next_edition",
    cite=_YB_CITE + "; next edition: title number 205, 2020 revised and final, 2021 preliminary.",
    rows=_grid(f"""
205. Số thuê bao điện thoại và internet
Number of telephone and internet subscribers
| | | | ĐVT: Thuê bao{_YB_HEAD}
2015 | 1.385.120 | 1.259.870 | 125.250 | 98.460
2016 | 1.452.306 | 1.355.912 | 96.394 | 121.085
2017 | 1.530.874 | 1.446.105 | 84.769 | 148.230
2018 | 1.441.562 | 1.371.020 | 70.542 | 176.912
2019 | 1.598.301 | 1.537.456 | 60.845 | 203.377
2020 | 1.665.240 | 1.613.488 | 51.752 | 232.015
Sơ bộ - Prel. 2021 | 1.734.240 | 1.688.930 | 45.310 | 268.402
{_INDEX}
2015 | 106,84 | 109,71 | 84,53 | 123,80
2016 | 104,85 | 107,62 | 76,96 | 122,98
2017 | 105,41 | 106,65 | 87,94 | 122,42
2018 | 94,17 | 94,81 | 83,22 | 119,35
2019 | 110,87 | 112,14 | 86,25 | 114,96
2020 | 104,19 | 104,95 | 85,06 | 114,08
Sơ bộ - Prel. 2021 | 104,14 | 104,68 | 87,55 | 115,68
Ghi chú: {_NOTE_2018}
Nguồn: Niên giám thống kê tỉnh Khánh Hòa 2021"""),
    merged=(*_YB_MERGED, "A15:E15", "A23:E23", "A24:E24"),
    mapping=_YB_MAP,
    expected=(
        *_values("mobile_subscriptions legacy 56", _Y15_21, "1259870 1355912 1446105 1371020 1537456 1613488 1688930", "2021"),
        *_values("fixed_bb_subscriptions legacy 56", _Y15_21, "98460 121085 148230 176912 203377 232015 268402", "2021"),
    ),
    expected_source="Niên giám thống kê tỉnh Khánh Hòa 2021",
    expected_note=_NOTE_2018,
)

DISTRICTS = Example(
    name="district_internet_subscribers",
    cite=(
        "layout of a yearbook district table (districts down, years across, province total first, "
        "'Sơ bộ\\nPrel.' year header, '-' for no occurrence) as the Khánh Hòa yearbook prints them "
        "(https://123docz.net/document/13228315-niem-giam-thong-ke-khanh-hoa-2016.htm, bilingual "
        "Khanh Hoa Statistics Office yearbook) and the GSO export with the total row first "
        "(https://pastebin.com/r6RBET6n); old tone placement 'Ninh Hoà' as printed on "
        "http://e-cadao.com/queta/mientrung/namtrungviet/khanhhoa.htm; figures illustrative, "
        "totals equal the internet column of yearbook_subscribers_vi_en; 2018 total printed "
        "176.912 while the districts add up to 176.908"
    ),
    rows=_grid("""
Số thuê bao internet phân theo huyện, thị xã, thành phố thuộc tỉnh
Number of internet subscribers by district
| | | | | ĐVT: Thuê bao - Unit: Subscriber
| 2016 | 2017 | 2018 | 2019 | Sơ bộ\\nPrel. 2020
TỔNG SỐ - TOTAL | 121.085 | 148.230 | 176.912 | 203.377 | 231.640
Thành phố Nha Trang - Nha Trang city | 64.239 | 78.043 | 93.295 | 106.955 | 121.544
Thành phố Cam Ranh - Cam Ranh city | 13.053 | 16.142 | 19.460 | 22.595 | 25.990
Huyện Cam Lâm - Cam Lam district | 7.432 | 9.190 | 11.078 | 12.862 | 14.074
Huyện Vạn Ninh - Van Ninh district | 7.871 | 9.731 | 11.729 | 12.955 | 14.906
Thị xã Ninh Hoà - Ninh Hoa town | 13.697 | 16.934 | 19.418 | 22.550 | 25.944
Huyện Khánh Vĩnh - Khanh Vinh district | 1.729 | 2.034 | 2.452 | 2.847 | 3.275
Huyện Diên Khánh - Dien Khanh district | 11.985 | 14.822 | 17.868 | 20.746 | 23.864
Huyện Khánh Sơn - Khanh Son district | 1.079 | 1.334 | 1.608 | 1.867 | 2.043
Huyện Trường Sa - Truong Sa district | - | - | - | - | -
Nguồn: Niên giám thống kê tỉnh Khánh Hòa 2020"""),
    merged=("A1:F1", "A2:F2", "A15:F15"),
    # The series is named by the title; the rows are areas (the total row is the province).
    mapping={"so thue bao internet": "fixed_bb_subscriptions"},
    area=None,
    expected=(
        *_values("fixed_bb_subscriptions legacy 56", _Y16_20, "121085 148230 176912 203377 231640", "2020"),
        *_values("fixed_bb_subscriptions legacy 568", _Y16_20, "64239 78043 93295 106955 121544", "2020"),
        *_values("fixed_bb_subscriptions legacy 569", _Y16_20, "13053 16142 19460 22595 25990", "2020"),
        *_values("fixed_bb_subscriptions legacy 570", _Y16_20, "7432 9190 11078 12862 14074", "2020"),
        *_values("fixed_bb_subscriptions legacy 571", _Y16_20, "7871 9731 11729 12955 14906", "2020"),
        *_values("fixed_bb_subscriptions legacy 572", _Y16_20, "13697 16934 19418 22550 25944", "2020"),
        *_values("fixed_bb_subscriptions legacy 573", _Y16_20, "1729 2034 2452 2847 3275", "2020"),
        *_values("fixed_bb_subscriptions legacy 574", _Y16_20, "11985 14822 17868 20746 23864", "2020"),
        *_values("fixed_bb_subscriptions legacy 575", _Y16_20, "1079 1334 1608 1867 2043", "2020"),
    ),
    expected_source="Niên giám thống kê tỉnh Khánh Hòa 2020",
    expected_warnings=(
        "total != sum of districts (2018: 176.912 vs 176.908)",
        "Huyện Trường Sa: '-' (no occurrence) in every year, no value stored",
    ),
)

POSTAL = Example(
    name="postal_network_excel_dates",
    cite=(
        "layout from https://m.mic.gov.vn/mic_2020/Pages/TinTuc/102300/So-lieu-thong-ke-mang-luoi-buu-chinh.html "
        "(indicators down, end-of-period columns '12/2008 12/2009 3/2010', 'Nguồn:' line), which "
        "Excel shows as 'Dec-08' once it takes '12/2008' for a date (the Excel behaviour of "
        "https://library.thedatadungeon.com/msdn-2000-04/kboffice/Source/xl20/q214327.content.htm); "
        "rows post offices / commune cultural post offices / agents and 'ĐVT: Điểm' as the issue "
        "describes; figures illustrative for Khánh Hòa. The XLSX keeps these headers as dates "
        "formatted mmm-yy, as Excel does."
    ),
    rows=_grid("""
Mạng lưới bưu chính tỉnh Khánh Hòa
ĐVT: Điểm
Chỉ tiêu | Dec-16 | Dec-17 | Dec-18 | Dec-19 | Dec-20
Số điểm phục vụ bưu chính | 198 | 201 | 204 | 208 | 211
- Bưu cục | 42 | 42 | 41 | 41 | 40
- Điểm Bưu điện - Văn hóa xã | 98 | 98 | 97 | 97 | 97
- Đại lý bưu điện | 58 | 61 | 66 | 70 | 74
Nguồn: Bưu điện tỉnh Khánh Hòa"""),
    merged=("A1:F1", "A2:F2", "A8:F8"),
    mapping={
        "so diem phuc vu": "post_points",
        "buu cuc": "post_offices",
        "van hoa xa": "post_cultural_points",
        "dai ly": "post_agents",
    },
    expected=(
        *_values("post_points legacy 56", _Y16_20, "198 201 204 208 211"),
        *_values("post_offices legacy 56", _Y16_20, "42 42 41 41 40"),
        *_values("post_cultural_points legacy 56", _Y16_20, "98 98 97 97 97"),
        *_values("post_agents legacy 56", _Y16_20, "58 61 66 70 74"),
    ),
    expected_source="Bưu điện tỉnh Khánh Hòa",
    expected_warnings=("period headers 'Dec-16' … 'Dec-20' read as the years 2016 … 2020",),
)


def _numbered(names: str, *columns: str) -> str:
    """Ranking rows 'TT | name | column cells…' from ';'-separated lists in printed order."""
    cols = [[c.strip() for c in names.split(";")]] + [
        [c.strip() for c in col.split(";")] for col in columns
    ]
    assert len({len(c) for c in cols}) == 1, [len(c) for c in cols]
    return "\n".join(
        " | ".join([str(i), *cells]) for i, cells in enumerate(zip(*cols, strict=True), 1)
    )


_DTI22_NAMES = """TP. Đà Nẵng; TP. Hồ Chí Minh; Quảng Ninh; Thừa Thiên - Huế; TP. Cần Thơ; Lạng Sơn;
Bắc Ninh; Thái Nguyên; Bắc Giang; Nam Định; Long An; Bình Phước; Hải Dương; TP. Hải Phòng; Thanh Hóa;
Yên Bái; Hậu Giang; Vĩnh Phúc; Bình Dương; Tiền Giang; Ninh Bình; Lâm Đồng; Phú Thọ; TP. Hà Nội;
Trà Vinh; Quảng Ngãi; Ninh Thuận; Bà Rịa - Vũng Tàu; Bình Định; Vĩnh Long; Quảng Nam; Kiên Giang;
Hưng Yên; Hà Nam; Điện Biên; Sóc Trăng; Hà Tĩnh; Lào Cai; Đồng Tháp; Tây Ninh; Khánh Hoà; Hòa Bình;
Đồng Nai; Sơn La; Kon Tum; Quảng Bình; Đắk Lắk; Tuyên Quang; Đắk Nông; Bình Thuận; Bến Tre; Nghệ An;
Lai Châu; An Giang; Quảng Trị; Thái Bình; Hà Giang; Cà Mau; Phú Yên; Bạc Liêu; Cao Bằng; Gia Lai;
Bắc Kạn"""
_DTI22_SCORES = """0.8002; 0.7163; 0.7024; 0.6975; 0.6924; 0.6882; 0.6839; 0.6797; 0.6755; 0.6712; 0.6670;
0.6628; 0.6585; 0.6543; 0.6501; 0.6501; 0.6416; 0.6373; 0.6331; 0.6289; 0.6246; 0.6204; 0.6162; 0.6119;
0.6077; 0.6028; 0.5979; 0.5930; 0.5880; 0.5831; 0.5782; 0.5733; 0.5684; 0.5635; 0.5586; 0.5537; 0.5487;
0.5438; 0.5389; 0.5340; 0.5291; 0.5242; 0.5193; 0.5143; 0.5094; 0.5045; 0.4996; 0.4947; 0.4898; 0.4849;
0.4800; 0.4750; 0.4701; 0.4652; 0.4603; 0.4554; 0.4505; 0.4456; 0.4407; 0.4357; 0.4308; 0.4259; 0.4210"""
_DTI22_RANKS = ";".join(str(r) for r in [*range(1, 16), 15, *range(17, 64)])
DTI_2022 = Example(
    name="dti_2022_ranking_63",
    cite=(
        "ranks and names of all 63 provinces from https://dti.gov.vn/xep-hang-2022 (ties 15 Thanh "
        "Hóa, 15 Yên Bái, 17 Hậu Giang; 'TP.' for the five cities; 'Thừa Thiên - Huế'; 'Bà Rịa - "
        "Vũng Tàu'; Khánh Hòa 41, Ninh Thuận 27; dot decimals with four places); scores of ranks "
        "1-5 (0.8002, 0.7163, 0.7024, 0.6975, 0.6924) from the same page and Trà Vinh's 0.6077 from "
        "https://travinh.gov.vn/1426/37932/73050/691291/chuyen-doi-so/danh-gia-muc-do-chuyen-doi-so-nam-2022-tra-vinh-xep-hang-25-63-tinh-thanh-pho; "
        "the other scores are illustrative (interpolated, ties equal); the 'TT' running-number column "
        "from the vinhphuc.gov.vn ranking (see egov_2017_rank_score_unmapped); 'Khánh Hoà' with the "
        "old tone placement is our change, the page prints 'Khánh Hòa'"
    ),
    rows=_grid(f"""
Xếp hạng Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2022
TT | Tỉnh/Thành phố | Điểm | Xếp hạng
{_numbered(_DTI22_NAMES, _DTI22_SCORES, _DTI22_RANKS)}
Nguồn: Bộ Thông tin và Truyền thông, Báo cáo xếp hạng Đánh giá mức độ chuyển đổi số năm 2022"""),
    merged=("A1:D1", "A66:D66"),
    numbers="en",
    mapping={"diem": "dti_score", "xep hang": "dti_rank"},
    area=None,
    # Ninh Thuận (legacy 58) is in this install's region_sources, so its rows are expected too.
    expected=(
        ("dti_score", "legacy", "56", "2022", 0.5291, "published"),
        ("dti_rank", "legacy", "56", "2022", 41.0, "published"),
        ("dti_score", "legacy", "58", "2022", 0.5979, "published"),
        ("dti_rank", "legacy", "58", "2022", 27.0, "published"),
    ),
    expected_source="Bộ Thông tin và Truyền thông, Báo cáo xếp hạng Đánh giá mức độ chuyển đổi số năm 2022",
    expected_warnings=("61 provinces outside this install listed as unknown areas, not stored",),
)

ICT_2019 = Example(
    name="ict_index_2019_rank_score_cells",
    cite=(
        "cell layout 'rank (score)' ('07 (0,678)') and 'TT' column from "
        "http://www.vinhphuc.gov.vn/ct/cms/thongbao/Lists/ThongBao/View_detail.aspx?ItemID=1504; "
        "pillars and figures of Vietnam ICT Index 2019 from "
        "https://amp.cand.com.vn/Su-kien-Binh-luan-thoi-su/Da-Nang-dung-dau-bang-xep-hang-Viet-Nam-ICT-Index-11-nam-lien-tiep-i533493/ "
        "(Đà Nẵng 1 (0,8654): hạ tầng kỹ thuật 1 (0,7925), nhân lực 2 (0,9538), ứng dụng 2 (0,85), "
        "dịch vụ công trực tuyến 4 (0,7); Thừa Thiên Huế 2 (0,8046): nhân lực 1 (0,9578), ứng dụng "
        "1 (0,9062), dịch vụ công 1 (1); Quảng Ninh 3 (0,7350), dịch vụ công 2 (0,86); Bà Rịa - "
        "Vũng Tàu hạ tầng kỹ thuật 2 (0,7125); Tiền Giang dịch vụ công 3 (0,72)); all other cells, "
        "Khánh Hòa's and Ninh Thuận's rows included, are illustrative; excerpt ('trích') as "
        "provincial reports reproduce it"
    ),
    rows=_grid("""
Xếp hạng Vietnam ICT Index năm 2019 của một số tỉnh, thành phố (trích)
TT | Tỉnh, thành phố | ICT Index 2019\\nXếp hạng (điểm) | Chỉ số thành phần - Xếp hạng (điểm)
| | | Hạ tầng kỹ thuật | Hạ tầng nhân lực | Ứng dụng CNTT | Dịch vụ công trực tuyến
1 | TP. Đà Nẵng | 01 (0,8654) | 01 (0,7925) | 02 (0,9538) | 02 (0,8500) | 04 (0,7000)
2 | Thừa Thiên - Huế | 02 (0,8046) | 06 (0,6210) | 01 (0,9578) | 01 (0,9062) | 01 (1,0000)
3 | Quảng Ninh | 03 (0,7350) | 04 (0,6402) | 05 (0,7233) | 03 (0,7911) | 02 (0,8600)
4 | TP. Hồ Chí Minh | 04 (0,6895) | 03 (0,6611) | 04 (0,7650) | 05 (0,7120) | 06 (0,5800)
5 | TP. Hà Nội | 05 (0,6802) | 05 (0,6315) | 03 (0,7904) | 06 (0,6985) | 07 (0,5600)
6 | Tiền Giang | 06 (0,6417) | 12 (0,5230) | 09 (0,6345) | 04 (0,7302) | 03 (0,7200)
7 | Bà Rịa - Vũng Tàu | 07 (0,6335) | 02 (0,7125) | 11 (0,6012) | 09 (0,6410) | 09 (0,5200)
8 | TP. Cần Thơ | 08 (0,6298) | 07 (0,6044) | 07 (0,6590) | 07 (0,6802) | 09 (0,5200)
9 | Khánh Hòa | 11 (0,6012) | 09 (0,5802) | 12 (0,5977) | 10 (0,6325) | 12 (0,4800)
10 | Ninh Thuận | 24 (0,4925) | 28 (0,4102) | 19 (0,5391) | 21 (0,5106) | 25 (0,3600)
Nguồn: Bộ Thông tin và Truyền thông, Hội Tin học Việt Nam - Báo cáo Vietnam ICT Index 2019"""),
    merged=("A1:G1", "A2:A3", "B2:B3", "C2:C3", "D2:G2", "A14:G14"),
    # The rank part of the overall column; its score and the pillar columns have no catalog
    # indicator and are listed as unmapped.
    mapping={"ict index 2019": "ict_index_rank"},
    area=None,
    expected=(
        ("ict_index_rank", "legacy", "56", "2019", 11.0, "published"),
        ("ict_index_rank", "legacy", "58", "2019", 24.0, "published"),
    ),
    expected_source="Bộ Thông tin và Truyền thông, Hội Tin học Việt Nam - Báo cáo Vietnam ICT Index 2019",
    expected_warnings=(
        "rank-and-score cells split: rank kept, score unmapped",
        "pillar sub-rank columns unmapped",
        "tied pillar ranks kept (Dịch vụ công trực tuyến: 09, 09)",
    ),
)

ICT_2020_EN = Example(
    name="ict_index_2020_english",
    cite=(
        "English ranking without accents; scores and ranks 1-5 of Vietnam ICT Index 2020 from "
        "https://en.vietnamplus.vn/da-nang-tops-ict-index-for-12th-straight-year/200710.vnp (Da Nang "
        "0.9238) and the Vietnam News Agency article as mirrored at "
        "http://www.ufabetindo.in/da-nang-tops-vietnam-ict-index-for-12-straight-years-post202125.vnp "
        "(Thua Thien-Hue 0.8147, Quang Ninh 0.6909, Can Tho 0.6845, Ho Chi Minh City 0.5852) and https://sggpnews.org.vn/science_technology/hcmc-leads-national-it-industry-index-91949.html "
        "(HCMC fifth; Lam Dong, Tay Ninh and Ninh Thuan in the top 10 for the first time); ranks 6-15, "
        "Khanh Hoa's included, the tie at 9 and their scores are illustrative; names spelled as "
        "English versions print them ('Thua Thien - Hue', 'Ba Ria - Vung Tau')"
    ),
    rows=_grid("""
Vietnam ICT Index 2020 - Ranking of provinces and cities (excerpt)
No. | Province/City | Score | Rank
1 | Da Nang | 0.9238 | 1
2 | Thua Thien - Hue | 0.8147 | 2
3 | Quang Ninh | 0.6909 | 3
4 | Can Tho | 0.6845 | 4
5 | Ho Chi Minh City | 0.5852 | 5
6 | Ha Noi | 0.5791 | 6
7 | Lam Dong | 0.5650 | 7
8 | Tay Ninh | 0.5521 | 8
9 | Ninh Thuan | 0.5498 | 9
10 | Bac Ninh | 0.5498 | 9
11 | Ba Ria - Vung Tau | 0.5402 | 11
12 | Thai Nguyen | 0.5388 | 12
13 | Binh Duong | 0.5379 | 13
14 | Khanh Hoa | 0.5341 | 14
15 | Lao Cai | 0.5297 | 15
Source: Ministry of Information and Communications; Vietnam Association for Information Processing"""),
    merged=("A1:D1", "A18:D18"),
    numbers="en",
    mapping={"rank": "ict_index_rank"},  # the score has no catalog indicator: listed as unmapped
    area=None,
    expected=(
        ("ict_index_rank", "legacy", "56", "2020", 14.0, "published"),
        ("ict_index_rank", "legacy", "58", "2020", 9.0, "published"),
    ),
    expected_source="Ministry of Information and Communications; Vietnam Association for Information Processing",
    expected_warnings=("'Score' column unmapped (no catalog indicator)",),
)

ANNEX = Example(
    name="report_annex_periods_across",
    cite=(
        "layout from http://duyenhaimientrung.vn/65-78-467/So-lieu-thong-ke-Van-tai,-buu-chinh-vien.aspx "
        "(columns 'STT | Chỉ tiêu | ĐVT | 2008 … 2012', a block label row 'HOẠT ĐỘNG BƯU CHÍNH VIỄN "
        "THÔNG', comma thousands '182,340'); the half-year column '6 tháng đầu năm 2025' and the "
        "annex heading as provincial reports write them; figures illustrative for Khánh Hòa"
    ),
    rows=_grid("""
Phụ lục: MỘT SỐ CHỈ TIÊU VIỄN THÔNG, INTERNET TỈNH KHÁNH HÒA GIAI ĐOẠN 2021 - 2025
(Kèm theo Báo cáo số …/BC-STTTT ngày …/7/2025 của Sở Thông tin và Truyền thông)
STT | Chỉ tiêu | ĐVT | 2021 | 2022 | 2023 | 2024 | 6 tháng đầu năm 2025
| HOẠT ĐỘNG VIỄN THÔNG, INTERNET
1 | Số thuê bao di động | thuê bao | 1,690,544 | 1,735,871 | 1,781,206 | 1,822,950 | 1,839,417
2 | Số thuê bao Internet băng rộng cố định | thuê bao | 262,310 | 291,845 | 318,702 | 342,118 | 351,906
3 | Mật độ thuê bao di động/100 dân | thuê bao/100 dân | 136.8 | 139.4 | 141.9 | 144.1 | 145.2
4 | Số trạm thu phát sóng di động (BTS) | trạm | 2,145 | 2,260 | 2,388 | 2,517 | 2,574
Nguồn: Sở Thông tin và Truyền thông tỉnh Khánh Hòa"""),
    merged=("A1:H1", "A2:H2", "B4:H4", "A9:H9"),
    numbers="en",
    # 'Mật độ … /100 dân' is a ratio reported without numerator and denominator: not mapped here.
    mapping={
        "so thue bao di dong": "mobile_subscriptions",
        "bang rong co dinh": "fixed_bb_subscriptions",
        "(bts)": "bts_count",
    },
    expected=(
        *_values("mobile_subscriptions legacy 56", _Y21_H1, "1690544 1735871 1781206 1822950 1839417"),
        *_values("fixed_bb_subscriptions legacy 56", _Y21_H1, "262310 291845 318702 342118 351906"),
        *_values("bts_count legacy 56", _Y21_H1, "2145 2260 2388 2517 2574"),
    ),
    expected_source="Sở Thông tin và Truyền thông tỉnh Khánh Hòa",
    expected_warnings=("row 3 'Mật độ thuê bao di động/100 dân' listed as unmapped",),
)

_DTI24_NAMES = """TP. Hà Nội; TP. Huế; TP. Hải Phòng; TP. Hồ Chí Minh; Thanh Hóa; Điện Biên; Hà Tĩnh;
Quảng Ninh; Lạng Sơn; Bắc Ninh; TP. Cần Thơ; Lào Cai; Phú Thọ; Ninh Bình; Đồng Nai; Khánh Hòa;
TP. Đà Nẵng; Tây Ninh; Lâm Đồng; Vĩnh Long; Thái Nguyên; Quảng Ngãi; Gia Lai; Đắk Lắk; Đồng Tháp;
An Giang; Cà Mau; Nghệ An; Tuyên Quang; Sơn La; Lai Châu; Hưng Yên; Quảng Trị; Cao Bằng"""
_DTI24_SCORES = """0,8241; 0,7951; 0,7857; 0,7770; 0,7702; 0,7655; 0,7618; 0,7544; 0,7489; 0,7431; 0,7386;
0,7302; 0,7255; 0,7190; 0,7105; 0,7071; 0,7043; 0,6990; 0,6921; 0,6874; 0,6812; 0,6760; 0,6698; 0,6633;
0,6571; 0,6502; 0,6448; 0,6390; 0,6315; 0,6248; 0,6150; 0,5980; 0,5612; 0,5087"""
_DTI24_NOTE = (
    "Thứ hạng này được tính toán trên giá trị trung bình cộng các chỉ số chính của DTI các tỉnh, "
    "thành trước sáp nhập."
)
DTI_2024 = Example(
    name="dti_2024_ranking_34_new_provinces",
    cite=(
        "Khánh Hòa 16/34 with DTI 0.7071 from https://news.baokhanhhoa.vn/society/202511/driving-dti-progress-d4815fe; "
        "ranks 1-4 and values (Hà Nội 0,8241, Huế 0,7951, Hải Phòng 0,7857, Hồ Chí Minh 0,7770) and "
        "the note sentence from https://dantri.com.vn/khoa-hoc/ha-noi-dan-dau-ca-nuoc-ve-chi-so-chuyen-doi-so-20251021181803153.htm "
        "and https://vtcnews.vn/ha-noi-dan-dau-ca-nuoc-ve-chuyen-doi-so-cao-bang-dung-cuoi-bang-ar972306.html "
        "(Thanh Hóa, Điện Biên, Hà Tĩnh 5-7; Đà Nẵng 17; Cao Bằng, Quảng Trị, Hưng Yên last; "
        "'Nguồn: Bộ Khoa học và Công nghệ'); the other ranks, the order of the last three and all "
        "other values are illustrative; columns as on https://dti.gov.vn/xep-hang-2022"
    ),
    rows=_grid(f"""
Xếp hạng Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2024 của 34 tỉnh, thành phố
STT | Tỉnh, thành phố | Giá trị DTI | Xếp hạng
{_numbered(_DTI24_NAMES, _DTI24_SCORES, ";".join(str(r) for r in range(1, 35)))}
Ghi chú: {_DTI24_NOTE}
Nguồn: Bộ Khoa học và Công nghệ"""),
    merged=("A1:D1", "A37:D37", "A38:D38"),
    mapping={"gia tri dti": "dti_score", "xep hang": "dti_rank"},
    area=None,
    # Ranked over the 2025 unit list although the period is 2024 (the merger came mid-2025).
    expected=(
        ("dti_score", "2025", "56", "2024", 0.7071, "published"),
        ("dti_rank", "2025", "56", "2024", 16.0, "published"),
    ),
    expected_source="Bộ Khoa học và Công nghệ",
    expected_note=_DTI24_NOTE,
    expected_warnings=("33 provinces outside this install listed as unknown areas, not stored",),
)

_QN_NOTE = (
    "Số thuê bao 2013, 2014 giảm lý do thực hiện Thông tư số 04/2012/TT-BTTTT ngày 13/4/2012 về "
    "quản lý thuê bao di động trả trước, nên số lượng thuê bao ảo bị cắt giảm"
)
QUANG_NGAI_2016 = Example(
    name="yearbook_quang_ngai_2016",
    cite=(
        "layout and every figure from http://thongkequangngai.com/niengiam2016/files/assets/basic-html/page318.html "
        "(Niên giám thống kê Quảng Ngãi 2016, table 208: 'Trong đó: Di động / Of which: Mobi-phone', "
        "'Sơ bộ - Prel. 2016' on two lines, the 'Ghi chú:' row, no unit line and no 'Nguồn:' row)"
    ),
    rows=_grid(f"""
208. Số thuê bao điện thoại và internet
Number of telephone and internet subscribers
| Số thuê bao điện thoại\\nNumber of telephone subscribers | | Số thuê bao internet\\nNumber of internet subscribers
| Tổng số\\nTotal | Trong đó: Di động\\nOf which: Mobi-phone
Thuê bao - Subscribers
2010 | 1.105.000 | 1.010.936 | 360.000
2011 | 1.213.000 | 1.139.867 | 420.000
2012 | 1.050.000 | 987.532 | 504.000
2013 | 941.854 | 890.294 | 540.000
2014 | 971.000 | 920.000 | 573.900
2015 | 1.120.000 | 1.071.000 | 720.000
Sơ bộ -\\nPrel. 2016 | 1.035.075 | 1.004.415 | 802.000
{_INDEX}
2011 | 109,77 | 112,75 | 116,67
2012 | 86,56 | 86,64 | 120,00
2013 | 89,70 | 90,15 | 107,14
2014 | 103,09 | 103,34 | 106,28
2015 | 115,35 | 116,41 | 125,46
Sơ bộ -\\nPrel. 2016 | 92,42 | 93,78 | 111,39
Ghi chú: {_QN_NOTE}"""),
    merged=("A1:D1", "A2:D2", "A3:A4", "B3:C3", "D3:D4", "A5:D5", "A13:D13", "A20:D20"),
    mapping=_YB_MAP,
    area=("legacy", "51"),  # Quảng Ngãi: outside this install, see OTHER_INSTALL_EXPECTED
    expected_note=_QN_NOTE,
)

NGHE_AN_2020 = Example(
    name="yearbook_nghe_an_2020",
    cite=(
        "layout and every figure from https://nghean.gov.vn/van-tai-buu-chinh-va-vien-thong/so-thue-bao-dien-thoai-360550 "
        "(Niên giám thống kê Nghệ An 2020 as the province's portal shows it; 'Subcribers' misspelt "
        "as printed; no table number and no unit line)"
    ),
    rows=_grid(f"""
Số thuê bao điện thoại
| Tổng số\\nTotal | Chia ra - Of which
| | Di động - Mobi-phone | Cố định - Telephone
Thuê bao - Subcribers
2015 | 1.778.489 | 1.055.245 | 723.244
2016 | 2.547.107 | 2.486.243 | 60.864
2017 | 2.671.489 | 2.607.016 | 64.473
2018 | 2.504.854 | 2.447.373 | 57.481
2019 | 2.878.034 | 2.821.873 | 56.161
Sơ bộ - Prel. 2020 | 2.956.208 | 2.933.667 | 22.541
{_INDEX}
2015 | 112,84 | 112,73 | 112,99
2016 | 143,22 | 235,61 | 8,42
2017 | 104,88 | 104,86 | 105,93
2018 | 93,76 | 93,88 | 89,16
2019 | 114,90 | 115,30 | 97,70
Sơ bộ - Prel. 2020 | 102,72 | 103,96 | 40,14
Nguồn: Niên giám thống kê 2020"""),
    merged=("A1:D1", "A2:A3", "B2:B3", "C2:D2", "A4:D4", "A11:D11", "A18:D18"),
    mapping={"di dong": "mobile_subscriptions"},
    area=("legacy", "40"),  # Nghệ An: outside this install, see OTHER_INSTALL_EXPECTED
    expected_source="Niên giám thống kê 2020",
)

_EGOV_NAMES = """Thừa Thiên - Huế; TP. Đà Nẵng; Lâm Đồng; Quảng Ninh; TP. Hồ Chí Minh; Lào Cai; Khánh Hòa;
An Giang; Tiền Giang; Hà Tĩnh; Bình Dương; TP. Hà Nội; Bắc Kạn; Bắc Ninh; Nghệ An; Đồng Nai; Thanh Hóa;
Bà Rịa - Vũng Tàu; Phú Thọ; Đồng Tháp; TP. Cần Thơ; Tây Ninh; Hà Giang; Gia Lai; Thái Bình; Bình Định;
Bắc Giang; Bình Thuận; Kiên Giang; Thái Nguyên; Hải Dương; Đắk Nông; Quảng Trị; Hà Nam; Vĩnh Long;
Vĩnh Phúc; Long An; Hưng Yên; Cà Mau; Ninh Thuận; Tuyên Quang; Quảng Ngãi; Sơn La; TP. Hải Phòng;
Quảng Bình; Phú Yên; Yên Bái; Đắk Lắk; Trà Vinh; Ninh Bình; Bạc Liêu; Nam Định; Lạng Sơn"""
_EGOV_CELLS = """01 (0,727); 02 (0,716); 03 (0,714); 04 (0,703); 05 (0,688); 06 (0,679); 07 (0,678);
08 (0,677); 09 (0,665); 10 (0,662); 11 (0,659); 12 (0,656); 13 (0,651); 14 (0,649); 15 (0,648);
16 (0,640); 17 (0,633); 17 (0,633); 19 (0,624); 20 (0,623); 21 (0,614); 22 (0,609); 23 (0,606);
24 (0,602); 25 (0,594); 26 (0,589); 27 (0,588); 28 (0,584); 29 (0,580); 30 (0,578); 31 (0,572);
32 (0,567); 32 (0,567); 34 (0,565); 35 (0,564); 36 (0,561); 37 (0,559); 38 (0,558); 39 (0,549);
40 (0,546); 40 (0,546); 42 (0,545); 43 (0,544); 44 (0,543); 45 (0,540); 46 (0,534); 47 (0,527);
48 (0,525); 49 (0,510); 50 (0,504); 51 (0,490); 52 (0,485); 53 (0,476)"""
EGOV_2017 = Example(
    name="egov_2017_rank_score_unmapped",
    cite=(
        "layout and every figure from http://www.vinhphuc.gov.vn/ct/cms/thongbao/Lists/ThongBao/View_detail.aspx?ItemID=1504 "
        "(e-government ranking 2017: 'TT' running number, rank and score in one cell '07 (0,678)', "
        "ties 17/17, 32/32, 40/40); rows 1-53 only: the stored copy of the page ends at row 54"
    ),
    rows=_grid(f"""
1. Xếp hạng và chỉ số đánh giá tổng thể mức độ ứng dụng CNTT, phát triển Chính phủ điện tử của các tỉnh, thành phố trực thuộc Trung ương
TT | Tỉnh, thành phố trực thuộc\\nTrung ương | Năm 2017
{_numbered(_EGOV_NAMES, _EGOV_CELLS)}"""),
    merged=("A1:C1",),
    mapping={},  # the catalog has no e-government ranking: nothing is stored
    area=None,
    expected_warnings=(
        "no catalog indicator: column 'Năm 2017' listed as unmapped, nothing stored",
    ),
)

EXAMPLES: list[Example] = [
    YEARBOOK_2020,
    YEARBOOK_2021,
    DISTRICTS,
    POSTAL,
    DTI_2022,
    ICT_2019,
    ICT_2020_EN,
    ANNEX,
    DTI_2024,
    QUANG_NGAI_2016,
    NGHE_AN_2020,
    EGOV_2017,
]

# Canonical rows for an install configured for the province the table is about (the 'another
# province' acceptance test): Quảng Ngãi (legacy 51) and Nghệ An (legacy 40).
OTHER_INSTALL_EXPECTED: dict[str, tuple[tuple, ...]] = {
    QUANG_NGAI_2016.name: (
        *_values("mobile_subscriptions legacy 51", _Y10_16, "1010936 1139867 987532 890294 920000 1071000 1004415", "2016"),
        *_values("fixed_bb_subscriptions legacy 51", _Y10_16, "360000 420000 504000 540000 573900 720000 802000", "2016"),
    ),
    NGHE_AN_2020.name: _values("mobile_subscriptions legacy 40", _Y15_20, "1055245 2486243 2607016 2447373 2821873 2933667", "2020"),
}
# fmt: on


def csv_bytes(ex: Example, *, encoding: str = "utf-8-sig", delimiter: str = ",") -> bytes:
    """The printed table as Excel saves it: every cell as printed text, quoted where needed, a
    two-line cell quoted with its line break, CRLF between rows. Windows-1258 keeps tone marks
    as combining characters, as Excel writes that code page."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(ex.rows)
    text = buf.getvalue()
    if encoding.lower().replace("-", "").replace("_", "") in ("cp1258", "windows1258"):
        text = _tones_apart(text)
    return text.encode(encoding)


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _tones_apart(text: str) -> str:
    """'ệ' -> 'ê' + combining dot below: the form Windows-1258 can encode."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + "".join(c for c in parts if c in _TONES))
    return "".join(out)


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DATE = re.compile(rf"^({'|'.join(_MONTHS)})-(\d\d)$")
_YEAR_LABEL = re.compile(r"^(19|20)\d\d$")
# convention -> (thousands pattern, thousands mark, plain-or-decimal pattern, decimal mark)
_FORMS = {
    "vi": (re.compile(r"^-?\d{1,3}(\.\d{3})+$"), ".", re.compile(r"^-?\d+(,\d+)?$"), ","),
    "en": (re.compile(r"^-?\d{1,3}(,\d{3})+$"), ",", re.compile(r"^-?\d+(\.\d+)?$"), "."),
}


def _typed(text: str, numbers: str) -> tuple[object, str | None]:
    """What Excel would keep for a printed cell: (value, number format). Numbers that parse under
    the table's convention become numbers; 'Dec-16' a date shown mmm-yy (the accident itself);
    a title, a year label, '-' or a rank-and-score cell stays text."""
    if m := _DATE.match(text):
        return datetime(2000 + int(m[2]), _MONTHS.index(m[1]) + 1, 1), "mmm-yy"
    if _YEAR_LABEL.match(text) or numbers not in _FORMS:
        return text, None
    thousands, t_mark, plain, d_mark = _FORMS[numbers]
    if thousands.match(text):
        return int(text.replace(t_mark, "")), "#,##0"
    if plain.match(text):
        if d_mark not in text:
            return int(text), None
        places = len(text.split(d_mark)[1])
        return float(text.replace(d_mark, ".")), "0." + "0" * places
    return text, None


_FIXED_TIME = datetime(2024, 1, 1)


def xlsx_bytes(ex: Example) -> bytes:
    """The table as an XLSX the way Excel keeps it: rows from A1, merged ranges with the value
    only in the top-left cell, typed numbers, bold header rows, wrapped two-line cells. The
    bytes are the same on every call (fixed document times, fixed zip entry times)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    in_header = True
    for r, row in enumerate(ex.rows, 1):
        typed = [_typed(text, ex.numbers) if text else (None, None) for text in row]
        in_header = in_header and not any(isinstance(v, int | float) for v, _ in typed)
        for c, (text, (value, fmt)) in enumerate(zip(row, typed, strict=True), 1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=c, value=value)
            if fmt:
                cell.number_format = fmt
            if "\n" in text:
                cell.alignment = Alignment(wrap_text=True)
            if in_header:
                cell.font = Font(bold=True)
    for rng in ex.merged:
        ws.merge_cells(rng)
    wb.properties.created = wb.properties.modified = _FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip_times(buf.getvalue())


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _fixed_zip_times(data: bytes) -> bytes:
    """Fixed zip entry times, and a fixed 'modified' time in docProps/core.xml: openpyxl
    stamps the time of saving there, which made two builds differ across a second."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            part = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                part = _MODIFIED.sub(rb"\g<1>2024-01-01T00:00:00Z\g<2>", part)
            dst.writestr(fixed, part)
    return out.getvalue()
