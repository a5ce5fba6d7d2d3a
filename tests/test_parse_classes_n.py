"""Failure classes of issue 12 (round n), seen on the Hong Kong dev-set documents added this
round (hket, rthk, oncc, stheadline, headlinedaily, bastillepost, am730); each test is a small
synthetic page written for the class, with made-up names and text."""

from __future__ import annotations

from zhnews.parse import parse_document

_PARAGRAPH = (
    "<p>第{i}段：本港今年夏季持續高溫，有關部門近日發出通知，要求各僱主按時發放防暑津貼，"
    "並加強對戶外工作人員的保護，確保各項措施落到實處。</p>"
)
_STORY = "".join(_PARAGRAPH.format(i=i) for i in range(1, 5))


def _paragraphs(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind in ("body", "subhead")]


def _page(inner: str, title: str = "防暑津貼陸續發放") -> str:
    return (
        f"<html><head><title>{title} | 某某日報</title></head><body>"
        f"<div class='nav'><a href='/'>主頁</a></div><h1>{title}</h1>"
        f"<div class='article'>{inner}</div>"
        "<div class='footer'><p>© 某某日報 版權所有</p></div></body></html>"
    )


def test_a_share_tool_label_alone_on_a_line_is_not_body() -> None:
    page = _page(
        "<div class='date'>2023-04-14 21:06</div>"
        "<div class='social'><div>分享工具 <a href='#'><img alt='facebook'></a> "
        f"<a href='#'><img alt='twitter'></a></div></div>{_STORY}"
    )
    body = _paragraphs(parse_document(page, "share.html").articles[0])
    assert body[0].startswith("第1段") and len(body) == 4
    assert not any("分享工具" in p for p in body)


def test_an_ad_slot_label_between_paragraphs_is_not_body() -> None:
    for label in ("- 閱讀更多 -", "— 廣告 —", "Advertisement", "－繼續閱讀－"):
        parts = [_PARAGRAPH.format(i=i) for i in range(1, 5)]
        story = "".join(parts[:2]) + f"<p>{label}</p>" + "".join(parts[2:])
        body = _paragraphs(parse_document(_page(story), "slot.html").articles[0])
        assert len(body) == 4 and body[-1].startswith("第4段"), (label, body)


def test_a_promotion_after_a_rule_below_the_text_is_not_body() -> None:
    promo = (
        "<p>《街坊投訴台》於本月隆重登場，節目為民請命抱不平、追蹤城中熱話，歡迎大家來電報料！</p>"
        "<p>你的獨家報料一旦被採用，將獲得精美禮品一份。</p>"
    )
    for rule in ("---", "＝＝＝＝＝", "——————"):
        page = _page(f"{_STORY}<p>{rule}</p>{promo}")
        body = _paragraphs(parse_document(page, "promo.html").articles[0])
        assert body[-1].startswith("第4段"), (rule, body[-1])
        assert not any("報料" in p for p in body), rule


def test_text_after_a_rule_that_is_most_of_the_story_stays() -> None:
    # a rule between two halves of a story is a section break, not the start of a trailer
    parts = [_PARAGRAPH.format(i=i) for i in range(1, 9)]
    page = _page("".join(parts[:2]) + "<p>---</p>" + "".join(parts[2:]))
    body = _paragraphs(parse_document(page, "break.html").articles[0])
    assert body[0].startswith("第1段") and body[-1].startswith("第8段")


def test_a_gallery_caption_repeating_its_picture_alt_is_not_body() -> None:
    gallery = "".join(
        f"<article><div class='item'><img src='{n}.jpg' alt='{cap}'></div>"
        f"<div class='name'>{cap}</div></article>"
        for n, cap in enumerate(("工人在烈日下作最後的檢查工作。", "街坊在公園乘涼。"))
    )
    parts = [_PARAGRAPH.format(i=i) for i in range(1, 5)]
    page = _page("".join(parts[:2]) + gallery + "".join(parts[2:]))
    body = _paragraphs(parse_document(page, "gallery.html").articles[0])
    assert len(body) == 4, body
    assert not any("乘涼" in p or "檢查工作" in p for p in body)


def test_a_heading_over_a_closing_gallery_with_no_text_is_not_body() -> None:
    gallery = "".join(
        f"<div class='item'><img src='{n}.jpg' alt='{cap}'></div><div class='name'>{cap}</div>"
        for n, cap in enumerate(("街坊在公園乘涼。", "工人在烈日下作最後的檢查工作。"))
    )
    page = _page(
        f"{_STORY}<h2>高溫下的城市面貌</h2>{gallery}<p>---</p><p>歡迎下載本報手機應用程式。</p>"
    )
    body = _paragraphs(parse_document(page, "closing.html").articles[0])
    assert body[-1].startswith("第4段") and len(body) == 4, body


_PLAYER = (
    "<div class='video-js'><span>視訊播放器 正在載入。</span><span>目前時間 0:00</span>"
    "<span>總共時間 1:46</span><span>載入完畢: 10.19%</span><span>剩餘時間 -1:46</span>"
    "<span>播放速率</span><span>全螢幕</span><p>開始對話視窗。離開會取消並關閉視窗</p>"
    "<legend>字型邊緣樣式</legend><p>結束對話視窗</p></div>"
)


def test_video_player_strings_in_chinese_are_not_body() -> None:
    parts = [_PARAGRAPH.format(i=i) for i in range(1, 5)]
    page = _page("".join(parts[:2]) + _PLAYER + "".join(parts[2:]))
    body = _paragraphs(parse_document(page, "player.html").articles[0])
    assert len(body) == 4 and body[-1].startswith("第4段"), body


def test_a_picture_enlarge_label_is_not_body() -> None:
    for label in ("▼點擊圖片放大", "点击查看大图", "點擊放大"):
        parts = [_PARAGRAPH.format(i=i) for i in range(1, 5)]
        group = f"<ul><div class='group'><span>{label}</span><div class='wrap'><img src='1.jpg'></div></div></ul>"
        page = _page("".join(parts[:2]) + group + "".join(parts[2:]))
        body = _paragraphs(parse_document(page, "enlarge.html").articles[0])
        assert len(body) == 4, (label, body)


def test_a_rule_over_video_promotions_ends_the_story() -> None:
    promo = (
        "<p>==========</p><p>同場加映：</p><p>新盤連環出擊 啟德項目再成焦點</p>"
        + _PLAYER
        + "<p>==========</p><p>同場加映：直擊特色洋房！樓主：最鍾意大鏡房！</p>"
        + _PLAYER
    )
    page = _page(f"{_STORY}{promo}")
    body = _paragraphs(parse_document(page, "promos.html").articles[0])
    assert body[-1].startswith("第4段") and len(body) == 4, body


def test_a_framed_banner_below_the_text_opens_a_trailer() -> None:
    promo = (
        "<p><strong>★★《夏日電子書系列》陸續登場 ★★</strong></p>"
        "<p><strong>新書出爐：本報十大電子書系列陸續上架，理財篇已經登場，歡迎訂閱。</strong></p>"
    )
    body = _paragraphs(parse_document(_page(f"{_STORY}{promo}"), "banner.html").articles[0])
    assert body[-1].startswith("第4段") and len(body) == 4, body


def test_a_paywall_notice_ends_the_free_text() -> None:
    rest = (
        "<p><strong>欲看完整內容，訂戶可登入繼續瀏覽。</strong></p>"
        "<p>【新訂戶限定】$10訂閱指定計劃，即可飽覽三大頻道及電子書系列！</p>"
    )
    page = _page(_PARAGRAPH.format(i=1) + rest)
    body = _paragraphs(parse_document(page, "paywall.html").articles[0])
    assert len(body) == 1 and body[0].startswith("第1段"), body


def test_a_byline_below_an_app_promotion_with_its_address_is_read() -> None:
    promo = (
        "<p>最新影片推介</p><div class='listing'><a href='/v/1'>【健康台】鼻敏感有得醫？</a></div>"
        "<p>本報App已全面升級，為大家推出一系列親子、健康及港聞資訊。立即下載："
        "<a href='https://example.com/app'>https://example.com/app</a></p>"
        "<p>記者：陳小明</p>"
    )
    article = parse_document(_page(f"{_STORY}{promo}"), "promo-byline.html").articles[0]
    assert [a.name for a in article.authors] == ["陳小明"]
    assert _paragraphs(article)[-1].startswith("第4段")


def test_a_subscription_sentence_in_the_middle_of_a_story_does_not_end_it() -> None:
    parts = [_PARAGRAPH.format(i=i) for i in range(1, 8)]
    notice = "<p>會員如欲收看完整節目，可登入網站訂閱。</p>"
    page = _page("".join(parts[:2]) + notice + "".join(parts[2:]))
    body = _paragraphs(parse_document(page, "mid.html").articles[0])
    assert body[-1].startswith("第7段"), body[-1]


def test_a_web_player_menus_and_messages_are_not_body() -> None:
    player = "".join(
        f"<div class='ctl'>{t}</div>"
        for t in (
            "正在为您切换到高清 480P,请稍候...",
            "设置成功",
            "00:00/00:00",
            "直播",
            "倍速",
            "1.75X",
            "超清",
            "100%",
            "循环播放",
            "跳过片头",
            "很抱歉，当前视频播放失败",
            "错误代码：QVS.4100",
            "时长：01:45建议WIFI下打开",
            "展开",
        )
    )
    page = _page(f"<div class='player'>{player}</div>{_STORY}")
    body = _paragraphs(parse_document(page, "webplayer.html").articles[0])
    assert body[0].startswith("第1段") and len(body) == 4, body
