"""PDF output with WeasyPrint. The Noto CJK fonts are installed system-wide (fonts-noto-cjk), so
no font files are shipped; the stylesheet below only names them so Chinese never falls back to
boxes."""

from weasyprint import CSS, HTML

CJK_CSS = """
@page { size: A4; margin: 22mm 20mm 20mm 20mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #555; } }
html, body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12pt; line-height: 1.8; }
h1, h2, h3, h4, .badge, th { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif; }
a { color: #000; text-decoration: none; }
.no-print { display: none !important; }
"""


def render_pdf(html: str, base_url: str | None = None) -> bytes:
    """HTML (a full document or a fragment) → PDF bytes."""
    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[CSS(string=CJK_CSS)])
