"""XML newspaper transcriptions (`newspaper-xml`): one article per article division."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from zhnews.parse import parse_document
from zhnews.parse.xmldoc import join_lines, looks_like_xml_stories, read_xml_stories

TZ = ZoneInfo("Asia/Shanghai")

ECPO_LIKE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE fold [
    <!ENTITY gaiji "&#xe111;">
]>
<fold xml:id="xx_0001_1939-04-22_0001+0004">
  <div type="page" n="1">
    <div type="margin">中華民國二十八年四月廿二日　某報　第一版<lb/></div>
    <div type="article">
      <div>米價<lb/>回落<lb/></div>
      <div>
        <p>（重慶廿一日電）據報米價昨日回<lb/>
           落、市面&gaiji;安、<lb/></p>
      </div>
      <div>南市另訊<lb/></div>
      <div><p>南市米行亦已開市、<lb/></p></div>
    </div>
    <div type="advert"><div>某某藥房<lb/></div></div>
    <div type="article">
      <p>府主和舉主　（唐潢虎）<lb/></p>
      <p>古時天子只是諸侯之上的一級，<lb/>所以只是間接服從。<lb/></p>
      <p>這種服從脫胎於封建。<lb/></p>
    </div>
  </div>
</fold>
"""

TEI = """<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><sourceDesc><bibl>
    <date when="1946-05-15">1946年5月15日</date></bibl></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <div type="article"><head>First story</head><p>Shanghai trade<lb/>
      resumed on Monday.</p></div>
    <div type="article"><head>第二篇</head><p>本報訊、第二篇的正文。</p>
      <p>第二段。</p></div>
  </body></text>
</TEI>
"""


def test_detects_xml_with_two_article_divisions_only():
    assert looks_like_xml_stories(ECPO_LIKE)
    assert looks_like_xml_stories(TEI)
    one = ECPO_LIKE.replace('<div type="article">', '<div type="x">', 1)
    assert not looks_like_xml_stories(one)
    html = "<html><body><article><p>a</p></article><article><p>b</p></article></body></html>"
    assert not looks_like_xml_stories(html)


def test_line_breaks_join_cjk_without_space_and_latin_with_one():
    assert join_lines(["據報米價昨日回", "落、市面"]) == "據報米價昨日回落、市面"
    assert join_lines(["Shanghai trade", "resumed"]) == "Shanghai trade resumed"


def test_one_story_per_division_with_headline_lines_subheads_and_entities():
    doc = read_xml_stories(ECPO_LIKE, TZ)
    assert [s.title for s in doc.stories] == ["米價 回落", "府主和舉主"]
    first = doc.stories[0]
    assert [(p.kind, p.text) for p in first.paragraphs] == [
        ("body", "（重慶廿一日電）據報米價昨日回落、市面\ue111安、"),
        ("subhead", "南市另訊"),
        ("body", "南市米行亦已開市、"),
    ]
    assert "某某藥房" not in "".join(p.text for s in doc.stories for p in s.paragraphs)


def test_signature_after_a_paragraph_written_headline_is_the_author():
    story = read_xml_stories(ECPO_LIKE, TZ).stories[1]
    assert [a.name for a in story.authors] == ["唐潢虎"]
    assert story.paragraphs[0].text == "古時天子只是諸侯之上的一級，所以只是間接服從。"


def test_document_date_from_tei_header_and_namespaced_heads():
    doc = read_xml_stories(TEI, TZ)
    assert doc.published is not None and doc.published.date().isoformat() == "1946-05-15"
    assert [s.title for s in doc.stories] == ["First story", "第二篇"]
    assert doc.stories[0].paragraphs[0].text == "Shanghai trade resumed on Monday."


def test_parse_document_reports_newspaper_xml_and_dates_by_vote_without_metadata():
    parsed = parse_document(ECPO_LIKE, "papers/xx_0001_1939-04-22_0001+0004.xml")
    assert parsed.format == "newspaper-xml"
    assert len(parsed.articles) == 2
    days = {a.published_at.date().isoformat() for a in parsed.articles if a.published_at}
    assert days == {"1939-04-22"}


def test_external_entities_are_never_loaded():
    evil = ECPO_LIKE.replace(
        '<!ENTITY gaiji "&#xe111;">', '<!ENTITY gaiji SYSTEM "file:///etc/passwd">'
    )
    doc = read_xml_stories(evil, TZ)
    text = "".join(p.text for s in doc.stories for p in s.paragraphs)
    assert "root:" not in text
    assert "市面安" in text
