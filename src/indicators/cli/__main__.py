"""`python -m indicators.cli …`: the same as the `indicators` command."""

from indicators.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
