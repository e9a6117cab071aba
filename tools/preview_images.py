"""Make the link-preview image of each language (overrides/assets/images/preview-<language>.png,
1200 x 630, Open Graph's size): a card with the site's name and its tagline (the interface word
`preview_image.alt`, also the image's alternative text), drawn by the system Chromium
(tools/chromium.py) and saved as PNG. No third-party service; run it again after changing the
word or the look, and commit the images:

    .venv/bin/python -m tools.preview_images
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from macros.publish.structured_data import PREVIEW_IMAGE, PREVIEW_SIZE
from macros.registry import load_site_data
from macros.site.i18n import LANGUAGES
from tools.chromium import launch

ROOT = Path(__file__).resolve().parent.parent

# Material's indigo (the site's primary colour) and white: 8.6:1.
CARD = Environment(autoescape=True).from_string(
    """<!doctype html><html lang="{{ language }}"><meta charset="utf-8"><style>
body { margin: 0; width: {{ width }}px; height: {{ height }}px; box-sizing: border-box;
  padding: 96px; background: #3f51b5; color: #fff; font-family: "DejaVu Sans", sans-serif;
  display: flex; flex-direction: column; justify-content: center; }
h1 { font-size: 112px; margin: 0 0 40px; letter-spacing: -2px; }
p { font-size: 48px; line-height: 1.3; margin: 0; max-width: 960px; }
</style><h1>{{ name }}</h1><p>{{ tagline }}</p></html>"""
)


def make(root: Path = ROOT) -> list[Path]:
    from playwright.sync_api import sync_playwright

    data = load_site_data(root / "data")
    width, height = PREVIEW_SIZE
    made = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": width, "height": height})
        for language in LANGUAGES:
            name, _, tagline = data.words["preview_image.alt"][language].partition(":")
            page.set_content(
                CARD.render(
                    language=language,
                    width=width,
                    height=height,
                    name=name.strip(),
                    tagline=tagline.strip()[:1].upper() + tagline.strip()[1:],
                )
            )
            path = root / "overrides" / PREVIEW_IMAGE.format(language=language)
            path.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(path))
            made.append(path)
        browser.close()
    return made


if __name__ == "__main__":
    for path in make():
        print(path.relative_to(ROOT))
