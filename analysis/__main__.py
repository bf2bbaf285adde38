"""``python -m analysis``: code answers or evaluate the coder, without Flask or the web app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.codebook import DEFAULT_CODEBOOK, CodebookError
from analysis.commands import SMALL_GROUP, code_file, evaluate_file, word_cloud_file
from analysis.csvfiles import CsvError


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    parser.add_argument("--codebook", type=Path, default=DEFAULT_CODEBOOK, help="codebook YAML file")
    commands = parser.add_subparsers(dest="command", required=True)
    code = commands.add_parser("code", help="code IN.csv (id,text[,language]) into OUT.csv")
    code.add_argument("input", type=Path)
    code.add_argument("-o", "--output", type=Path, help="output CSV (default: standard output)")
    evaluate = commands.add_parser("evaluate", help="measure the coder against a hand-coded GOLD.csv")
    evaluate.add_argument("gold", type=Path)
    cloud = commands.add_parser("wordcloud", help="draw a word cloud PNG of IN.csv's redacted answers")
    cloud.add_argument("input", type=Path)
    cloud.add_argument("-o", "--output", type=Path, required=True, help="PNG file to write")
    cloud.add_argument("--theme", help="only answers coded with this theme")
    cloud.add_argument(
        "--min-group", type=int, default=SMALL_GROUP, help="smallest group of answers shown (default %(default)s)"
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "code":
            count = code_file(args.input, args.output, args.codebook)
            print(f"coded {count} answers", file=sys.stderr)
        elif args.command == "wordcloud":
            print(word_cloud_file(args.input, args.output, args.theme, args.codebook, args.min_group))
        else:
            print(evaluate_file(args.gold, args.codebook))
    except (CsvError, CodebookError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
