from zhnews.text import cjk_ratio, ends_sentence, split_sentences, to_simplified, tokenize


def test_split_basic_and_lossless():
    text = "北向资金净流入超40亿元。离岸人民币走强！真的吗？是的"
    parts = split_sentences(text)
    assert parts == ["北向资金净流入超40亿元。", "离岸人民币走强！", "真的吗？", "是的"]
    assert "".join(parts) == text


def test_closing_quote_stays_with_sentence():
    text = "他说：“阿里云会尽快‘下雨’。”据介绍，项目落地。"
    assert split_sentences(text) == ["他说：“阿里云会尽快‘下雨’。”", "据介绍，项目落地。"]
    assert split_sentences("“……。”") == ["“……。”"]


def test_ellipsis_kept_intact():
    text = "面临资金少、选址难……面对问题，班子表态。"
    assert split_sentences(text) == ["面临资金少、选址难……", "面对问题，班子表态。"]


def test_semicolon_does_not_split_and_lt_survives():
    text = "精度满足<1%；视场角达到120度以上。"
    assert split_sentences(text) == [text]


def test_url_question_mark_not_a_boundary():
    text = "见NewsShare.html?infoCode=NW1。完"
    assert split_sentences(text) == ["见NewsShare.html?infoCode=NW1。", "完"]


def test_whitespace_only_between_sentences_dropped():
    parts = split_sentences("  召回两批。 吉利德表示，确认此事。 \n")
    assert parts == ["召回两批。", "吉利德表示，确认此事。"]
    assert split_sentences("") == [] and split_sentences("  ") == []


def test_tokenize_is_lossless():
    for sentence in ["我们很好奇，这是一个怎样的项目？", "FF 91  完成投产", " 前导空格\t"]:
        tokens = tokenize(sentence)
        assert "".join(tokens) == sentence and all(tokens)


def test_cjk_ratio_and_simplified():
    assert cjk_ratio("") == 0.0
    assert cjk_ratio("中文ab") == 0.5
    assert to_simplified("華西證券") == "华西证券"


def test_ends_sentence():
    assert ends_sentence("确保颗粒归仓。")
    assert ends_sentence("“行百里者，半九十。”")
    assert not ends_sentence("是千方百计引进")
    assert not ends_sentence("始终坚定")
