#!/usr/bin/env python3
"""Render a terminal capture with ANSI colour escapes (tmux capture-pane -p -e) to a PNG.

Usage: render_ansi.py CAPTURE.ansi OUT.png COLUMNS ROWS
Needs: pip install pyte pillow; the DejaVu Sans Mono font (Debian fonts-dejavu-core).
"""
import sys

import pyte
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
SIZE = 15
PALETTE = {
    "black": (30, 30, 30), "red": (220, 70, 70), "green": (80, 190, 90), "brown": (220, 180, 60),
    "yellow": (220, 180, 60), "blue": (90, 140, 230), "magenta": (190, 110, 200), "cyan": (80, 190, 200),
    "white": (215, 215, 215), "default": None,
}
BG = (24, 26, 30)
FG = (215, 215, 215)


def colour(name, default):
    if name in (None, "default"):
        return default
    if name in PALETTE and PALETTE[name]:
        return PALETTE[name]
    if len(name) == 6:
        try:
            return tuple(int(name[i:i + 2], 16) for i in (0, 2, 4))
        except ValueError:
            pass
    return default


def main():
    capture, out, cols, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    screen = pyte.Screen(cols, rows)
    stream = pyte.Stream(screen)
    text = open(capture, encoding="utf-8", errors="replace").read()
    # capture-pane separates rows with newlines and no carriage returns, and ends the last row
    # with one too: feeding that one would scroll the first row away.
    rows_text = text.split("\n")
    if rows_text and rows_text[-1] == "":
        rows_text.pop()
    stream.feed("\r\n".join(rows_text[:rows]))
    regular = ImageFont.truetype(FONT_DIR + "DejaVuSansMono.ttf", SIZE)
    bold = ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Bold.ttf", SIZE)
    cell_w = int(regular.getlength("M"))
    cell_h = SIZE + 5
    image = Image.new("RGB", (cols * cell_w + 16, rows * cell_h + 16), BG)
    draw = ImageDraw.Draw(image)
    for y in range(rows):
        line = screen.buffer[y]
        for x in range(cols):
            char = line[x]
            fg = colour(char.fg, FG)
            bg = colour(char.bg, BG)
            if char.reverse:
                fg, bg = (bg if bg != BG else BG), (fg if fg != FG else FG)
                if bg == BG:
                    bg = FG
            px, py = 8 + x * cell_w, 8 + y * cell_h
            if bg != BG:
                draw.rectangle([px, py, px + cell_w, py + cell_h], fill=bg)
            if char.data and char.data != " ":
                draw.text((px, py + 2), char.data, font=bold if char.bold else regular, fill=fg)
    image.save(out)


if __name__ == "__main__":
    main()
