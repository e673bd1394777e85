#!/usr/bin/env python3
"""Picks the bundled emoji out of the npm package emoji-datasource-twitter (Twemoji 64 px PNGs).

Usage (from this directory):
    npm pack emoji-datasource-twitter@16.0.0
    tar xzf emoji-datasource-twitter-16.0.0.tgz
    python3 select.py package
Writes emoji.tsv (picker category, code points, name) and copies the chosen PNGs to png/: first the picker's
categories below, then every other emoji with an image under the category "more" (drawn in text, not offered by the
picker), so that no emoji falls back to a monochrome font. Skin-tone variants are not copied (the base image is shown)
and keycaps stay text.
"""
import json
import shutil
import sys
from pathlib import Path

# picker category -> the (Unicode category, subcategory) pairs it takes, in the order shown
CHOICE = {
    "smileys": [
        ("Smileys & Emotion", s)
        for s in (
            "face-smiling",
            "face-affection",
            "face-tongue",
            "face-hand",
            "face-neutral-skeptical",
            "face-sleepy",
            "face-unwell",
            "face-hat",
            "face-glasses",
            "face-concerned",
            "face-negative",
            "face-costume",
            "cat-face",
            "monkey-face",
            "emotion",
        )
    ],
    "gestures": [
        ("People & Body", s)
        for s in (
            "hand-fingers-open",
            "hand-fingers-partial",
            "hand-single-finger",
            "hand-fingers-closed",
            "hands",
            "hand-prop",
            "body-parts",
            "person-gesture",
        )
    ],
    "nature": [
        ("Animals & Nature", s) for s in ("animal-mammal", "plant-flower")
    ]
    + [("Travel & Places", "sky & weather")],
    "food": [("Food & Drink", s) for s in ("food-fruit", "food-asian", "food-sweet", "drink")],
    "activities": [("Activities", s) for s in ("event", "award-medal", "sport")],
    "objects": [
        ("Objects", s)
        for s in ("office", "computer", "phone", "mail", "money", "lock")
    ],
    "symbols": [("Smileys & Emotion", "heart")] + [("Symbols", s) for s in ("other-symbol", "warning")],
}


def main(package: Path) -> None:
    emoji = [e for e in json.loads((package / "emoji.json").read_text()) if e["has_img_twitter"]]
    emoji.sort(key=lambda e: e["sort_order"])
    out = Path(__file__).resolve().parent
    png = out / "png"
    png.mkdir(exist_ok=True)
    rows = []
    for category, wanted in CHOICE.items():
        for cat, sub in wanted:
            for e in emoji:
                if e["category"] == cat and e["subcategory"] == sub:
                    if e["unified"].startswith(("0023", "002A", "003")):
                        continue  # keycaps start with ASCII: left as text
                    rows.append((category, e["unified"], e.get("non_qualified") or "", e["short_name"]))
                    shutil.copy(package / "img/twitter/64" / e["image"], png / e["image"])
    taken = {r[1] for r in rows}
    for e in emoji:
        if e["unified"] in taken or e["category"] == "Component" or e["unified"].startswith(("0023", "002A", "003")):
            continue
        rows.append(("more", e["unified"], e.get("non_qualified") or "", e["short_name"]))
        shutil.copy(package / "img/twitter/64" / e["image"], png / e["image"])
    with open(out / "emoji.tsv", "w") as f:
        f.write("# category\tcode points\tcode points without FE0F\tname\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(len(rows), "emoji")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
