import pytest

from content.markdown import plain_text, render

# Each payload tries to get script, an event handler, a frame or a dangerous URL onto the page.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=https://evil.example></iframe>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<a href='jav&#x09;ascript:alert(1)'>x</a>",
    '<p onclick="alert(1)">tap</p>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<object data=evil.swf></object>",
    "<embed src=evil.swf>",
    "<form action=https://evil.example><input name=q></form>",
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "![x](javascript:alert(1))",
    "<base href=https://evil.example/>",
    "<meta http-equiv=refresh content='0;url=https://evil.example'>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    '## Heading {: onclick="alert(1)" }',
    "<style>body{display:none}</style>",
]
FORBIDDEN = [
    "<script", "onerror", "onload", "onclick", "ontoggle", "<iframe", "javascript:",
    "vbscript:", "data:text", "<object", "<embed", "<form", "<svg", "<style", "<base",
    "<meta", "<link", "<img", "style=",
]  # fmt: skip


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_payload_renders_without_anything_executable(payload):
    html = render(f"Some text.\n\n{payload}\n\nMore text.").html.lower()
    assert not [bad for bad in FORBIDDEN if bad in html]
    assert "some text." in html


def test_at_least_twenty_payloads_are_checked():
    assert len(PAYLOADS) >= 20


def test_ordinary_markdown_keeps_links_lists_and_emphasis():
    html = render("See [aftercare](/topics/aftercare/).\n\n- **one**\n- two").html
    assert '<a href="/topics/aftercare/" rel="noopener noreferrer">aftercare</a>' in html
    assert "<strong>one</strong>" in html


def test_plain_text_ends_each_heading_and_list_item_as_a_sentence():
    assert plain_text("## Sun\n\n- Hats\n- Shade") == "Sun. Hats. Shade."


def test_the_editor_is_told_which_parts_the_allow_list_leaves_out():
    from content.markdown import left_out

    text = '<iframe src="x"></iframe>\n\n##### Small\n\n## Kept\n\nA [link](https://a.example).'
    assert left_out(text) == ["HTML <iframe> tags", "“#####” headings (use ## to ####)"]
    assert left_out("## Heading\n\n- a list\n\n| a | b |\n|---|---|\n| 1 | 2 |") == []
