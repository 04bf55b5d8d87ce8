"""Decoding and the readers: story text, structure, and positions mapped back to the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.readers import ArticleError, boilerplate_lines, build_article, compile_boilerplate, decode

FIXTURES = Path(__file__).parent / "fixtures"
BOILERPLATE = compile_boilerplate([r"Newspapers (?:in|from) [A-Z][A-Za-z ]+"])


def read(name: str):
    text, _ = decode((FIXTURES / name).read_bytes())
    return build_article(name, text, boilerplate=BOILERPLATE)


def assert_maps_back(article, word: str) -> None:
    start = article.text.index(word)
    file_start, file_end = article.file_span(start, start + len(word))
    assert article.file_text[file_start:file_end] == word


# Decoding --------------------------------------------------------------------


def test_utf8_with_bom_is_decoded_without_the_mark():
    text, encoding = decode("\ufeffHello".encode())
    assert (text, encoding) == ("Hello", "utf-8-sig")


def test_utf16_with_bom_is_decoded():
    text, encoding = decode("Héllo wörld".encode("utf-16"))
    assert (text, encoding) == ("Héllo wörld", "utf-16")


def test_invalid_utf8_names_the_byte_and_offset():
    with pytest.raises(ArticleError, match=r"not valid UTF-8 \(byte 0xff at offset 3\)"):
        decode(b"abc\xffdef")


def test_nul_bytes_mean_binary():
    with pytest.raises(ArticleError, match="binary file"):
        decode(b"PK\x03\x04\x00\x00")


# Plain text ----------------------------------------------------------------------


def test_plain_article_structure():
    article = read("plain-article.txt")
    kinds = [p.kind for p in article.paragraphs]
    assert kinds[:4] == ["publication", "headline", "byline", "body"]
    first_body = article.paragraphs[3]
    assert first_body.dateline is not None
    assert article.text[first_body.dateline.start : first_body.dateline.end] == "LAKESHORE, Mich. — "


def test_boilerplate_lines_are_not_story_text():
    article = read("plain-article.txt")
    assert "Newspapers" not in article.text
    assert "declined to comment" in article.text
    assert_maps_back(article, "declined to comment")


def test_crlf_positions_point_into_the_original_file():
    text = "Headline\r\n\r\nThe mayor spoke  on Monday.\r\nNewspapers in English\r\n"
    article = build_article("a.txt", text, boilerplate=BOILERPLATE)
    assert "Newspapers" not in article.text
    assert_maps_back(article, "spoke  on")
    start = article.text.index("Monday")
    assert article.line_col(article.file_span(start, start + 6)[0]) == (3, 21)


# Markdown ------------------------------------------------------------------------


def test_markdown_front_matter_is_metadata():
    article = read("markdown-article.md")
    assert article.metadata["author"] == "Tomas Eriksen"
    assert "author:" not in article.text
    assert article.paragraphs[0].kind == "headline"
    assert article.text.startswith("Ferry service returns")


def test_markdown_markup_and_code_are_not_story_text():
    article = read("markdown-article.md")
    assert "code blocks" not in article.text
    assert "*" not in article.text
    assert "https://" not in article.text
    assert "confirm fare" not in article.text
    assert "the operator's site or run" in article.text


def test_markdown_inline_code_is_protected():
    article = read("markdown-article.md")
    start = article.text.index("`ferry --times`")
    assert article.is_protected(start + 3, start + 8)


@pytest.mark.parametrize(
    "word", ["Marigold", "resumed service", "Ingrid Solberg", "kiosk", "operator's site"]
)
def test_markdown_positions_map_back(word):
    assert_maps_back(read("markdown-article.md"), word)


def test_markdown_quotation_after_blockquote_marker():
    article = read("markdown-article.md")
    quote = article.quotations[0]
    assert article.text[quote.start : quote.end] == "“We missed it more than we expected,”"


# HTML ----------------------------------------------------------------------------------


def test_html_reads_the_body_only():
    article = read("html-article.html")
    assert "Ignored" not in article.text
    assert "color: red" not in article.text
    assert "not  story text" not in article.text
    assert [p.kind for p in article.paragraphs][:3] == ["headline", "byline", "body"]


def test_html_entities_decode_and_map_back_to_the_reference():
    article = read("html-article.html")
    assert "road & a bridge" in article.text
    amp = article.text.index("&")
    start, end = article.file_span(amp, amp + 1)
    assert article.file_text[start:end] == "&amp;"
    quote = article.quotations[0]
    start, end = article.file_span(quote.start, quote.end)
    assert article.file_text[start:end].startswith("&ldquo;It was")


@pytest.mark.parametrize("word", ["Route 9", "reopen Tuesday", "worst I have seen"])
def test_html_positions_map_back(word):
    assert_maps_back(read("html-article.html"), word)


def test_boilerplate_line_spans_include_the_newline_but_not_past_the_end():
    boilerplate = compile_boilerplate([r"Newspapers (?:in|from) [A-Z][A-Za-z ]+", r"Powered by [A-Za-z ]+"])
    text = "Story line.\n  Newspapers in English  \r\nMore story.\n\nPowered by Wire"
    lines = boilerplate_lines(text, boilerplate)
    assert [text[start:end] for start, end in lines] == ["  Newspapers in English  \r\n", "Powered by Wire"]
