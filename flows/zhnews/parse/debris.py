"""Scraper and site debris inside article text, recognised by shape (issue 12, class 1).

None of these is body text:
- a field a scraper printed while empty: `null`, `None`, `undefined`, `NaN`;
- hashtag lines: `#台灣 #選舉`, `#话题#`;
- related-link blocks: a header (延伸閱讀, 聚焦新聞, 相关阅读, 推荐阅读 …) and the headlines
  listed under it (`headline_shaped`; the assembler walks the list);
- copyright and disclaimer lines: 版权声明…, 本文仅代表作者观点, 免责声明：本文来自…,
  未经授权不得转载…, 转载请注明出处;
- promotion of the site's channels (订阅/关注/下载 + App/Instagram/订户 + 欢迎/請/您);
- public-service notices (hotline numbers, 珍惜生命), list-widget screen-reader labels,
  font-size buttons (`A-` / `A` / `A+`, `T + -`, `字級`),
  relative timestamps (`19 分钟前`), audio/reading-length labels (`音频 04:29`, `7 分钟`),
  follow buttons (`+关注`), contributor lines (`X对本文有报道贡献`);
- unrendered template markup (`{{< video … >}}`), 原标题 lines, wire end marks (（完）), a
  wire story's header line (`新华社北京5月9日电 题：<headline>`);
- captions printed as marked lines (`◎ 图：…`, `◎ …/图：123rf`): not text, and no picture
  block before them to make them captions;
- separators left alone on a line once their links are gone (`|`, `·`, `/`);
- archive page headers (`第4版()`, `第1版(要闻)`) and empty column labels: page metadata
  (`page_header`), not the first paragraph.

Editor credits (责任编辑：X) are not debris but credits: see `bylines.parse_credit_line`.

Only short lines qualify (a disclaimer is one or two sentences): a long paragraph that merely
mentions 版权 or 转载 is a story about copyright, not debris.
"""

from __future__ import annotations

import re

MAX_DEBRIS_CHARS = 200

_EMPTY_FIELD = re.compile(r"(?i)(?:null|none|undefined|nan|nil)")
# `#台灣 #選舉`, `#话题#`, `#合併談判、#子公司提議`: tags split by spaces or list commas (the one
# test of a hashtag line: blocks reads it so before a `#` line can be taken for a heading)
_HASHTAGS = re.compile(
    r"(?:#[^\s#]{1,40}#\s*)+|#[^\s#、，,]{1,40}(?:(?:\s+|[、，,]\s*)#[^\s#、，,]{1,40})+#?"
)

_RELATED_WORDS = (
    "延伸閱讀 延伸阅读 聚焦新聞 聚焦新闻 相关阅读 相關閱讀 相关新闻 相關新聞 相关文章 相關文章 "
    "相关链接 相關連結 相关报道 相關報導 相關報道 相关推荐 相關推薦 推荐阅读 推薦閱讀 推荐新闻 推薦新聞 "
    "更多新闻 更多新聞 更多阅读 更多閱讀 更多精彩 热门推荐 熱門推薦 热门新闻 熱門新聞 热门文章 "
    "精彩推荐 精彩推薦 猜你喜欢 猜你喜歡 往期回顾 往期回顧 往期推荐 往期推薦 大家都在看 "
    "你可能也想看 你可能感兴趣 你可能感興趣 看更多 深度阅读 深度閱讀 热点推荐 熱點推薦 "
    "编辑推荐 編輯推薦 今日推荐 今日推薦 专题推荐 專題推薦 阅读更多 閱讀更多 精彩视频推荐 "
    "精彩視頻推薦 视频推荐 視頻推薦 热门视频 熱門視頻 相关视频 相關視頻 今日焦点 今日焦點 热读 熱讀 "
    "热门点阅 熱門點閱 热门点击 熱門點擊 你可能還想看 你可能还想看 你可能會喜歡 你可能会喜欢 "
    "即時熱門文章 即时热门文章 即時熱門新聞 即时热门新闻 "
    # the rails of Hong Kong, Macau and Southeast Asian pages: `最新新聞`, `編輯推介`, `熱門話題`
    "最新新聞 最新新闻 即時新聞 即时新闻 其他新聞 其他新闻 編輯推介 编辑推介 熱門話題 热门话题 "
    "相關話題 相关话题 你可能也喜歡 你可能也喜欢 更多內容 更多内容 相关内容 相關內容 "
    # the most-read and most-discussed rails: `阅读最多`, `讨论最多`, `阅读最长` (read longest)
    "阅读最多 閱讀最多 讨论最多 討論最多 阅读最长 閱讀最長 最多阅读 最多閱讀 最受欢迎 最受歡迎 "
    # the list of sources a translated story links to: `参考链接：` over headlines and URLs
    "参考链接 參考連結 参考鏈接 "
    # an international service's rail under the story: `更多有关此新闻的内容`
    "更多有关此新闻的内容 更多有關此新聞的內容 有关此新闻的更多内容 有關此新聞的更多內容 "
    # the writer's other stories under the text: `作者其他文章`
    "作者其他文章 作者的其他文章 作者更多文章 作者最新文章 该作者其他文章 該作者其他文章 "
    # the earlier stories of a running story, linked: `新闻回顾：`
    "新闻回顾 新聞回顧"
).split()
# `更多東森新聞報導`, `更多中央社新聞`: the label of a link to the newsroom's other stories,
# a short name between 更多 and the word for stories (a line of its own: nothing follows)
_MORE_FROM = re.compile(
    r"^[※★☆●■◆▶►▌▍▎▐│┃]?\s*[【\[]?\s*更多[\u4e00-\u9fffA-Za-z]{1,8}?(?:新聞|新闻|報導|报道|文章|影音)"
    r"\s*[】\]]?\s*[：:>》»]*$"
)
_RELATED_FIRST = {word[0] for word in _RELATED_WORDS}
# a mark a page prints before the header: `※你可能還想看：`, `★延伸閱讀`
# `▌延伸閱讀`: a bar printed before the header as its rule
_RELATED_MARKS = "※★☆●■◆▶►▌▍▎▐│┃"
_RELATED_HEADER = re.compile(
    r"^[※★☆●■◆▶►▌▍▎▐│┃]?\s*[【\[〖<《(（]?\s*(?:"
    + "|".join(_RELATED_WORDS)
    + r")\s*[】\]〗>》)）]?\s*[：:]?\s*"
    # `相关新闻↓`: an arrow pointing at the list below
    + r"[↓⬇▼▾→»>]*\s*"
)

# A disclaimer line opens with one of these (after an optional 注：/【…】 lead-in) or holds
# two of them; one marker inside a sentence (`他说未经授权不得转载…`) is reporting.
_DISCLAIMER_LEAD = re.compile(
    # (`1、本文是芥末堆网转载文章…`: a numbered notice's number)
    r"^(?:\d{1,2}[、.．]\s*)?[\s*【\[（(]*(?:注|备注|備註|说明|說明|特别说明|特別說明|编者按|編者按)?"
    r"\s*[】\]）)]?\s*[：:]?\s*"
)
_DISCLAIMER_MARKERS = re.compile(
    r"(?:版权声明|版權聲明|免责声明|免責聲明|特别声明|特別聲明|郑重声明|鄭重聲明|风险提示|風險提示|声明|聲明)"
    r"\s*[】\]）)]?\s*[：:]"
    r"|(?:版权所有|版權所有)"
    r"|本文(?:仅|僅|只)?代表.{0,12}(?:观点|觀點|看法|立场|立場)"
    r"|(?:观点|觀點)(?:仅|僅|只)代表|(?:摘编|摘編|转载|轉載)自"
    # `此内容为第一财经原创。`: whose original the text is, said with the reprint terms
    r"|(?:此内容|本内容|此內容|本內容|本文|此文)(?:为|為|系|係|是)[^。，,]{1,12}(?:原创|原創)"
    # `文章觀點僅屬作者個人意見`, `以上言論純屬筆者個人觀點`: whose view a column is
    r"|(?:本文|文章|以上|此文|本欄|本栏)(?:所述|所載|所载)?(?:观点|觀點|意见|意見|言论|言論|内容|內容)"
    r"(?:仅|僅|只|純|纯)(?:属|屬|为|為|是|代表)?(?:作者|笔者|筆者|撰文者|撰稿人)"
    r"|不代表本(?:站|网|網|报|報|刊|台|平台|号|號|社)|不代表.{1,12}(?:的)?(?:立场|立場)"
    r"|(?:未经|未經|未获|未獲|非经|非經)[^，。]{0,12}(?:授权|授權|许可|許可|同意|允许|允許)[^。]{0,12}"
    r"(?:不得|禁止|严禁|嚴禁|請勿|请勿)[^。]{0,8}(?:转载|轉載|复制|複製|使用|摘编|摘編)"
    r"|(?:转载|轉載)[^。，,]{0,3}?(?:请|請|务请|務請|须|須|需)(?:注明|註明|标明|標明|联系|聯繫|聯絡)"
    # `商业性转载需事先获得授权`: the terms of a reprint
    r"|(?:商业|商業)性?(?:转载|轉載)"
    r"|如需(?:转载|轉載)"
    # `本新聞文字、照片、影片專供X會員閱覽`: a members-only notice, a paywall's footer
    r"|(?:专供|專供)[^。，,]{0,12}(?:会员|會員|订户|訂戶|用户|用戶)(?:阅览|閱覽|阅读|閱讀|观看|觀看|使用)"
    # `39健康网(www.39.net)专稿，未经书面授权请勿转载`, `…原创内容，未经授权不得转载`: the byline
    # of an exclusive, before its reprint ban (zero width: the ban is the second marker)
    r"|(?:专稿|專稿|原创稿件|原創稿件|原创内容|原創內容|独家稿件|獨家稿件)"
    r"(?=[，,。\s]*(?:未经|未經|转载|轉載|如需))"
    r"|(?:本文|本作品|本稿|本篇)(?:经|經)(?:授权|授權)(?:转载|轉載|刊登|刊出|发表|發表|转发|轉發)"
    # `原文出自農藝女孩看世界臉書，芋傳媒經授權轉載。`: where the text first ran, and the
    # outlet's leave to repost it (two markers)
    r"|原文(?:出自|刊於|刊于|載於|载于|發表於|发表于|首發於|首发于)[^。，,]{0,30}?"
    r"(?:臉書|脸书|Facebook|微博|部落格|博客|網站|网站|公众号|公眾號|專頁|专页|網誌|网志|報|报"
    r"|雜誌|杂志|週刊|周刊)"
    r"|(?:经|經)(?:授权|授權)(?:转载|轉載|刊登|刊出|转发|轉發)"
    # `（本文訊息由高通提供，…）`: a press release's provenance note
    r"|(?:本文|本篇|本稿)(?:訊息|讯息|資訊|资讯|內容|内容|資料|资料|新聞稿|新闻稿)由[^。，,]{1,30}提供(?=[，,。；;）)\s]|$)"
    r"|(?:本文|本作品|本稿|本篇)(?:来自|來自|来源于|來源於|转载自|轉載自|转自|轉自|系|為|为|首发于|首發於|首发在|首發在).{0,40}?"
    r"(?:授权|授權|原创|原創|公众号|公眾號|微信|转载|轉載)"
    r"|(?:版权|版權|权益|權益)(?:归|歸|属于|屬於).{0,30}(?:所有|独家|獨家)"
    # `以上内容归星岛新闻集团所有`: whose property the story is
    r"|(?:以上|本文|本站|本网|本網)(?:内容|內容|文章|稿件|新闻|新聞)?(?:归|歸|属于|屬於)[^。，,]{1,30}?所有"
    r"|(?:如有侵权|如有侵權|如涉侵权|如涉及侵权|侵权请|侵權請)"
    # `如遇作品内容、版权等问题，请…与本网联系。版权侵权联系电话：…`: a portal's notice
    r"|如遇[^。]{0,12}(?:版权|版權)[^。]{0,4}(?:问题|問題)|(?:版权|版權)(?:侵权|侵權)(?:联系|聯繫|聯絡)"
    # `1、本文是 芥末堆网转载文章，原文：C计划；`: the site's note that it reposts the story
    r"|(?:本文|本篇|此文)(?:是|为|為|系)[^。，,]{0,20}?(?:转载|轉載)(?:文章|稿件|内容|內容)"
    r"|(?:投资|投資)有风险|(?:仅供|僅供)参考[，,]?不构成"
    # a finance site's footer: `本網站的內容概不構成任何投資意見…本公司概不負責`, and its
    # market-data credits `股票及指數資料由…提供。期貨指數資料由…提供。外滙及黃金報價由…提供。`
    r"|(?:概不|并不|並不|不)(?:构成|構成)(?:任何|个人|個人)?(?:投资|投資)(?:意见|意見|建议|建議)"
    # `市场有风险，投资需谨慎。` over a finance site's disclaimer, and that box's heading
    r"|(?:市场|市場)有(?:风险|風險)[，,]\s*(?:投资|投資)(?:需|须|須)(?:谨慎|謹慎)"
    r"|(?:风险提示|風險提示)(?:及|和|与|與)(?:免责|免責)(?:条款|條款|声明|聲明)\s*$"
    r"|(?:概不|恕不)(?:负责|負責|承担|承擔)"
    r"|(?:股票|指数|指數|期货|期貨|外汇|外滙|外匯|黄金|黃金|基金)[^。，,]{0,8}?"
    r"(?:资料|資料|数据|數據|报价|報價)由[^。，,]{2,30}?提供"
    # a platform's notice under a user's post: `以上内容…为…用户上传并发布，本平台仅提供信息存储服务`
    r"|以上内容[^。]{0,40}?(?:用户|用戶|网友|網友)[^。]{0,20}?(?:上传|上傳|转载|轉載|发布|發布)"
    r"|(?:仅|僅|只)提供(?:信息|資訊)(?:存储|儲存)(?:空间|空間)?(?:服务|服務)?"
    # `本文由游民星空制作发布，未经允许禁止转载`: whose production a repost is
    r"|(?:本文|本稿|本篇)由[^。，,]{1,20}?(?:制作发布|製作發布|原创首发|原創首發|独家发布|獨家發布|首发|首發)"
    # `新闻来源于其它媒体，内容不代表本站立场！`: a portal's note on reposted news
    r"|(?:新闻|新聞|文章|本文|内容|內容|稿件)(?:来源于|來源於|来自|來自|取自)(?:各大|其它|其他)?"
    r"(?:新闻|新聞)?(?:媒体|媒體|网络|網絡|網路|互联网|互聯網)"
    r"|(?:该文|該文|此文)(?:仅|僅|只)代表"
    # `「社運公佈欄」是一個開放的平台，內容不代表苦勞網立場。`: an open board's standing notice
    # (with its `不代表…立場`, two markers)
    r"|是一?[個个](?:开放|開放)的?(?:平台|园地|園地|空间|空間)"
    r"|Copyright|COPYRIGHT|copyright|©|\([cC]\)\s*\d{4}|[Aa]ll [Rr]ights [Rr]eserved"
    # `我们的标准：汤森路透“信任原则”`: a newsroom's badge linking its editorial standards
    r"|(?:我们的标准|我們的標準|编辑准则|編輯準則)\s*[：:]|[Oo]ur [Ss]tandards\s*:"
)


# Template markup a static-site scraper or a CMS left unrendered: Hugo `{{< video … >}}`,
# Liquid `{% … %}`, EmpireCMS page breaks.
_TEMPLATE = re.compile(
    r"(?:\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{.*?\}\}"
    # EmpireCMS's page-break marker with the next page's title: `[!--empirenews.page--]金星个人
    # 资料[/!--empirenews.page--]`
    r"|\[!--[\w.]+--\][^\[\]]{0,60}\[/!--[\w.]+--\])+"
)
# (`（原文标题：…`: the original article's title, on reposts of translated pieces)
_ORIGINAL_TITLE = re.compile(
    r"^[【\[（(]?\s*原(?:文|文章)?(?:标题|標題|題|题)\s*[】\]）)]?\s*[：:]"
)
# Promotion of the site's channels: an action, a channel, and a word that addresses the reader.
_PROMO_ACTION = re.compile(
    r"订阅|訂閱|关注|關注|追踪|追蹤|下载|下載|扫码|掃碼|扫描|掃描|长按|長按|加入|搜寻|搜尋|搜索"
    r"|收听|收聽|支持我们|支持我們|成为|成為"
    # `欢迎你来微博找我们，请点这里。`: come and find the outlet on a platform
    r"|(?:来|來|到|在)\s*(?:微博|微信|抖音|B站|公众号|公眾號|脸书|臉書|推特)\s*(?:上)?\s*(?:找我们|找我們)"
    r"|(?:去|到|在)\s*(?:App|APP|应用|應用)?\s*(?:商店|商城|Store)"
    # `請讚好TOPick Facebook`, `立即 like 頭條日報FB專頁`: liking the page
    r"|讚好|赞好|(?<![A-Za-z])[Ll]ike(?![A-Za-z])"
    # a broadcaster's plug for its own coverage: `…都有颱風特別報導…敬請鎖定。` (asked to tune
    # in; `警方已鎖定嫌犯` is reporting)
    r"|(?:敬)?[請请](?:繼續|继续|持續|持续)?(?:鎖定|锁定)"
    # `打开APP 阅读更多`: the button that opens the outlet's app for the rest of the text
    r"|打开|打開"
)
_PROMO_CHANNEL = re.compile(
    r"Instagram|Facebook|YouTube|Telegram|Twitter|LINE|WhatsApp|Podcast|推特|脸书|臉書|微信|微博"
    r"|Google\s*News|Google\s*新聞|Google\s*新闻|抖音|App|APP|应用程序|應用程式|客户端|客戶端|公众号|公眾號|小程序|二维码|二維碼|新闻信|新聞信"
    r"|电子报|電子報|订户|訂戶|会员|會員|频道|頻道|播客|(?<![A-Za-z])FB(?![A-Za-z])|專頁|专页"
    r"|特別報導|特别报道"
)
_PROMO_ADDRESS = re.compile(
    r"欢迎|歡迎|请|請|敬请|敬請|点击|點擊|扫码|掃碼|长按|長按|一键|一鍵|立即|马上|馬上|记得|記得"
    r"|快来|快來|您|有Instagram|有Facebook|喜欢这篇|喜歡這篇|喜欢本文|喜歡本文"
    # `快加入 … 按下追蹤`: urging the reader to join or to press the follow button
    r"|快(?:加入|追蹤|追踪|訂閱|订阅|關注|关注|下載|下载)|按下|按讚|按赞"
    # `加入LINE好友，新聞訊息不漏接`: the promise of never missing the news
    r"|不漏接|不錯過|不错过"
)
# `加入X WhatsApp頻道，即時接收最新消息`, `下載X App，第一時間掌握…`: the promise of news at once,
# on a line that ends no sentence (`用戶可即時接收颱風警告。` is reporting)
_PROMO_PROMISE = re.compile(
    r"[，,]\s*(?:即時|即时|第一時間|第一时间)(?:接收|收到|掌握|獲取|获取|獲得|获得|了解)[^。！？!?]*$"
)
# A newspaper archive's page header (`第4版()`, `第1版(要闻)`, `A01版：要闻`, `版次：02`) and
# its empty column label (`专栏：`): page metadata, not the first paragraph.
_PAGE_HEADER = re.compile(
    r"^(?:第\s*(?P<n1>[0-9０-９一二三四五六七八九十百]{1,4})\s*版\s*(?:[（(](?P<s1>[^（）()]{0,12})[)）])?"
    r"|第?\s*(?P<n2>[A-Z]?\d{1,3})\s*版\s*[：:]\s*(?P<s2>\S{0,12})"
    r"|版次\s*[：:]\s*(?P<n3>[A-Z]?\d{1,3})(?:\s*版)?)\s*$"
)
_COLUMN_LABEL = re.compile(r"^(?:专栏|專欄|栏目|欄目)\s*[：:]\s*\S{0,8}$")
# Public-service notices sites append (suicide-prevention hotlines and their exhortations).
# A hotline number, or an exhortation that names suicide, or one standing alone on its line.
_HOTLINE = re.compile(
    r"(?:專線|专线|熱線|热线|協談|协谈)[^：:，。]{0,8}[：:]\s*[\d\-－ ]{3,}"
    r"|自[殺杀].{0,12}(?:解[決决]不了|珍惜生命|機會|机会|防治)"
    r"|提醒(?:您|你).{0,8}(?:[給给]自己.{0,2}(?:機會|机会)|珍惜生命)"
    r"|^[●■◆]?\s*(?:請|请)?(?:珍惜生命|再[給给]自己一次(?:機會|机会))[。！!]?$"
    r"|^[^，。]{0,14}(?:關心|关心)(?:你|您)[：:！!]?$"  # the notice box's heading: `《蘋果》關心你`
)
# The desk's call for news tips under every story (`想爆料？请登录《阳光连线》、拨打新闻热线
# 0531-66661234…提供新闻线索。`), with the hotline or account to send them to
_TIP_OFF = re.compile(
    r"想爆料|有爆料|欢迎爆料|歡迎爆料|爆料(?:热线|熱線|电话|電話|邮箱|郵箱)|提供新闻线索|提供新聞線索"
    r"|新闻线索(?:请|請)|新聞線索(?:请|請)|(?:欢迎|歡迎)(?:报料|報料)"
)
_TIP_OFF_CONTACT = re.compile(
    r"(?:热线|熱線|电话|電話|拨打|撥打)\D{0,6}\d{3,}|@|微信|微博|邮箱|郵箱"
)
# Screen-reader labels of a list widget: `list of 4 items`, `list 1 of 4`, `end of list`.
_A11Y_LABEL = re.compile(
    r"(?i)^(?:list of \d+ items.*|list \d+ of \d+.*|end of(?: list)?|article information"
    r"|role\s*,.{1,30})$"
)
# The topic page a story is filed under, as a labelled link (`专题：川普再次当选美国总统 最新动态！`),
# after the source's label on the same row (`来源：倍可亲(backchina.com) 专题：…`)
_TOPIC_LINK = re.compile(
    r"(?:(?:来源|來源)\s*[：:]\s*[^\s。，,]{1,30}\s*)?(?:专题|專題)\s*[：:]\s*[^。]{1,40}"
)
# The link to the story in the other script or another language: `閱讀本文繁體字版本請 點擊此處`,
# `阅读本文英文版`, `點擊閱讀簡體版`, `English version`
_EDITION_LINK = re.compile(
    r"(?:(?:请|請)?\s*(?:点击|點擊|点此|點此)\s*)?(?:阅读|閱讀|查看|浏览|瀏覽)?\s*(?:本文|此文|本篇)?\s*(?:的)?"
    r"(?:繁體|繁体|简体|簡體|正體|正体|英文|中文|英語|英语|日文|韩文|韓文)(?:字)?(?:版本?|版)"
    r"(?:\s*(?:请|請)?\s*(?:点击|點擊|点选|點選)\s*(?:此处|此處|这里|這裡))?"
    r"|(?i:read (?:this|the) (?:article|story) in \w+|\w+ version)"
)
# The label a page prints over an embedded player or post it loads from elsewhere
# (`外部内容`: the embed's placeholder, its frame left empty in a saved page)
_EMBED_LABEL = frozenset(
    {"外部内容", "外部內容", "嵌入内容", "嵌入內容", "第三方内容", "第三方內容"}
)
# The text a video player (video.js) prints for screen readers around its dialogs:
# `Beginning of dialog window. Escape will cancel and close the window.`,
# `End of dialog window.`, `This is a modal window.`
_PLAYER_DIALOG = re.compile(
    r"(?i)(?:(?:beginning|end) of dialog window|this is a modal window)\b.*"
)
# `Keith Bradsher对本文有报道贡献。`, `翻译：王小明`: contributor credits that are not bylines;
# an acknowledgment line under a feature (`感谢郭某、货代老王为本文提供的帮助`).
_CONTRIBUTOR = re.compile(
    r"^.{1,40}?(?:对|對)本文(?:亦|也)?有.{0,6}(?:贡献|貢獻)。?$"
    r"|^(?:特别|特別)?(?:感谢|感謝|鸣谢|鳴謝|致谢|致謝)[^。！？]{1,60}?(?:为|為|对|對)本(?:文|篇|稿)"
    r"[^。！？]{0,12}(?:帮助|幫助|支持|协助|協助)[。！!]?$"
)
# A note that names in the story are pseudonyms (`文中林影为化名`, `（文中受访者均为化名）`):
# an editor's note under the text, not text.
_PSEUDONYM_NOTE = re.compile(
    r"^[（(【\[]?\s*(?:注\s*[：:]\s*|应受访者要求[，,]?\s*|應受訪者要求[，,]?\s*)?"
    r"(?:文中|文内|文內|本文|稿中)[^。！？，,]{0,24}?(?:化名|假名)\s*[。.]?\s*[）)】\]]?$"
)
# A photo credit standing alone on a line (`新华社发（刘满仓摄）`, `（新华社记者 张三 摄）`,
# `（李四 摄）`): the credit of a picture above, not text.
_PHOTO_CREDIT_LINE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,8}(?:发|發))?\s*[（(]\s*"
    r"(?:[\u4e00-\u9fff]{2,8}?(?:记者|記者|通讯员|通訊員|特约摄影|特約攝影)\s*)?"
    r"[\u4e00-\u9fff·]{2,6}(?:[ 　、][\u4e00-\u9fff·]{2,6}){0,3}\s*(?:摄影|攝影|摄|攝)\s*[）)]$"
)
# A material-source line under a compiled roundup or a chart (`素材来源 江苏13个设区市党报及官方
# 发布`, `资料来源：国家统计局`): a credit, not text (a plain `来源：` line is the byline
# parser's, it names the publisher).
_SOURCE_CREDIT = re.compile(
    r"^(?:素材|资料|資料|信息|資訊|消息|内容|內容|数据|數據)(?:来源|來源)\s*[：:]?\s*[^。！？!?，,]{1,40}$"
)
# A source credit printed with a bar instead of a colon (`来源 | 综合抖音黑板报、南方都市报`):
# the byline parser reads `来源：X`, not this.
_BAR_SOURCE = re.compile(r"^(?:来源|來源|稿源)\s*[|｜丨]\s*[^。！？!?]{1,40}$")
# A widget's label left alone once its buttons or links are gone (`栏目关注：`, `分享到：`,
# `关键字：`): a label with nothing after it, of page furniture only (`专家表示：` is text).
_BARE_LABEL = re.compile(
    r"(?:影音訂閱|影音订阅|熱門度|热门度|栏目关注|欄目關注|关注栏目|關注欄目|分享到|分享至|标签|標籤|关键字|關鍵字|关键词|關鍵詞"
    r"|TAG|Tag|Tags|tags"
    # the label of the intro or abstract box over the text (`前言：` on its own line)
    r"|前言|导言|導言|引言|摘要|内容摘要|內容摘要|导读|導讀"
    # a comment form's fields under the text, their boxes empty (`姓名：`, `验证码：`)
    r"|姓名|昵称|暱稱|验证码|驗證碼|校验码|校驗碼|电子邮件|電子郵件|评论内容|評論內容|留言内容|留言內容"
    r"|用户名|用戶名)\s*[：:]"
)
# A read-more button left as a line: `按此閱讀全文`, `繼續閱讀全文`, `【點擊閱讀更多】`, `阅读全文 >>`
_READ_MORE_BUTTON = re.compile(
    r"[【\[〔]?\s*(?:按此|點此|点此|點擊|点击|點我|点我|立即|繼續|继续)?\s*(?:閱讀|阅读|查看|觀看|观看)"
    r"(?:全文|更多)\s*[】\]〕]?\s*(?:>>|»|＞＞|>|＞|…|\.{3})?"
    # `显示全部内容`, `展開全文`: the button that unfolds the rest of the text
    r"|(?:显示|顯示|展开|展開|查看)(?:全部|完整)?(?:内容|內容|全文)"
    # `載入更多文章`: the button that loads the next stories of the list below the story
    r"|(?:載入|载入|加載|加载)更多(?:文章|內容|内容|新聞|新闻|報導|报道)?"
)
# A share bar left as a line: `Facebook WhatsApp Telegram 複製連結`, `分享：微信 微博`, and the
# bar's own label alone (`分享平台`): the networks' buttons, nothing else
_SHARE_NETWORK = (
    r"(?:Facebook|WhatsApp|Telegram|Twitter|X|LINE|Line|Threads|LinkedIn|Email|E-mail|微信|微博"
    r"|WeChat|Weibo|電郵|电邮|複製連結|复制链接|複製網址|复制网址|列印|打印|Print)"
)
_SHARE_BAR = re.compile(
    r"(?:分享(?:到|至|平台|平臺)?\s*[：:]?\s*)?"
    + _SHARE_NETWORK
    + r"(?:\s*[|｜/·]?\s*"
    + _SHARE_NETWORK
    + r"){1,9}"
    + r"|分享(?:平台|平臺)"
)
# A tag list's line: `標籤：施政報告　房屋`, `Tags：施政報告`: the label and a few short keywords
# (not `关键词：共同富裕`, a review's subhead; no clause: `標籤：這是…。` is text)
_TAG_LIST = re.compile(
    r"(?:标签|標籤|TAG|Tag|Tags|tags)\s*[：:]\s*"
    r"[^\s。！？!?，,；;：:、|｜]{1,12}(?:\s*[\s、|｜#/／]\s*[^\s。！？!?，,；;：:、|｜]{1,12}){0,7}"
    # `关键字： 隆胸 | 癌症`: keywords set apart by bars, two or more (one keyword after the
    # label is a review's subhead)
    r"|(?:关键字|關鍵字|关键词|關鍵詞)\s*[：:]\s*[^\s。！？!?，,；;：:、|｜]{1,12}"
    r"(?:\s*[|｜]\s*[^\s。！？!?，,；;：:、|｜]{1,12}){1,7}"
)
# An endnote under a report (`[1] 《…的讲话》，新华社，2021年7月1日。`, `[31] ［德］…著，…译：
# 《共产党宣言》，…出版社`): a reference, not text. A note number opens the line and a citation
# follows (a title in 《》, an address, a publisher, an author's 著, or a date).
MAX_ENDNOTE_CHARS = 400
_ENDNOTE = re.compile(r"^[\[［]\s*\d{1,3}\s*[\]］]\s*\S")
_CITATION = re.compile(
    r"《[^》]{1,80}》|https?://|出版社|出版|\b(?:et al|pp?\.|Vol\.)|著[，,：:]|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月"
)
# A table of contents' label (`目 录：`, `目录`): the contents list, not text.
_TOC_LABEL = re.compile(r"目\s*[录錄]\s*[：:]?")
# A prompt to a link that is not on the page (`（详情请点击链接：）`, `详情请点击：`).
_LINK_PROMPT = re.compile(
    r"^[（(]?\s*(?:详情|詳情|更多|全文|原文)?\s*(?:请|請)?\s*(?:点击|點擊)\s*"
    r"(?:链接|鏈接|这里|這裡|此处|此處|原文|阅读原文|閱讀原文)?\s*[：:]?\s*[）)]?$"
)
# A link's label to the story's source or full text, alone on its line (`【原文】`,
# `[阅读原文]`, `查看原文`, `原文链接：`): the link, not text.
_SOURCE_LINK_LABEL = re.compile(
    r"[【\[［(（]?\s*(?:查看|阅读|閱讀|点击|點擊|打开|打開)?\s*(?:原文|全文)\s*"
    r"(?:链接|鏈接|地址|网址|網址)?\s*[：:]?\s*[】\]］)）]?"
)
# `觀賞記者會影片，請點選此處；…請造訪網頁和產品簡介。`: a line whose every clause points the
# reader to a link (`請點選此處`, `請造訪…`, `請參閱…`): the links' prompts, not text.
_CLICK_HERE = re.compile(
    r"(?:请|請)?\s*(?:点选|點選|点击|點擊|点按|點按|按)\s*(?:此处|此處|这里|這裡|此)"
    r"|(?:请|請)\s*(?:造访|造訪|参阅|參閱|前往|至)\s*[^，,。；;]{0,20}(?:网页|網頁|网站|網站|页面|頁面|简介|簡介)"
)
_CLAUSE_SPLIT = re.compile(r"[。；;！!]")


def is_link_prompts(text: str) -> bool:
    """Every sentence of the line (two or more) ends by pointing the reader to a link."""
    sentences = [x for x in _CLAUSE_SPLIT.split(text) if x.strip()]
    return len(sentences) >= 2 and all(_CLICK_HERE.search(x) for x in sentences)


# A month printed alone under a report's headline (`2003年5月`): when the report was written,
# a label of its header, not text and not a publication day (a full date line is the date
# parser's).
_MONTH_LINE = re.compile(r"(?:19|20)\d{2}\s*年\s*(?:1[0-2]|0?[1-9])\s*月")
# A picture widget's prompt (`點擊圖片放大`, `▼點擊圖片放大 +3`, `（中央社製圖，點開看大圖）`,
# `点击图片可浏览相关图片`): the gallery's button, not text and not a caption.
_PICTURE_PROMPT = re.compile(
    r"^[（(▼▲\s]*(?:[^，。！？（）()]{1,12}[，,]\s*)?(?:點擊|点击|點開|点开|點選|点选|按)\s*"
    r"(?:圖片|图片|圖|图)?\s*(?:可)?(?:放大|看大圖|看大图|查看大圖|查看大图|看原圖|看原图"
    r"|(?:瀏覽|浏览|查看)(?:相關|相关|更多)?(?:圖片|图片))[）)▼\s]*(?:[+＋]\s*\d{1,3}\s*)*$"
)
# An infinite-scroll page's prompt to the next story: `往下滑看下一篇文章`, `繼續往下閱讀更多新聞`.
_SCROLL_PROMPT = re.compile(
    r"(?:繼續|继续)?\s*(?:往下|向下)(?:滑|滑動|滑动|捲|卷|捲動|卷动|拉)\s*(?:看|閱讀|阅读|觀看|观看)?"
    r"\s*(?:下一篇|下一則|下一则|更多)\s*(?:文章|新聞|新闻|內容|内容|報導|报道)?"
)
# Buttons of a page's share, print and player widgets, left alone on a line: `友善列印`,
# `產生縮網址`, `播放语音`, `我要評比`.
_WIDGET_BUTTON = re.compile(
    r"(?:友善列印|列印本頁|列印|打印本页|產生縮網址|产生短网址|產生短網址|複製連結|复制链接|複製網址|复制网址"
    r"|播放语音|播放語音|播放音频|播放音頻|點擊播放|点击播放|我要評比|我要评比|我要評分|我要评分"
    # the text-zoom button of a font-size widget
    r"|放大镜|放大鏡)"
)
# A publication's name printed alone as the page's label: a name with its edition
# (`上海证券报网络版`, `XX日報電子版`) or a web address with the site's name
# (`NOWnews.com 今日新聞網`): the masthead, not text.
_SITE_MASTHEAD = re.compile(
    r"[\u4e00-\u9fffA-Za-z]{2,12}(?:网|網|报|報|刊|台|社)"
    r"(?:网络版|網路版|網絡版|电子版|電子版|数字版|數位版|數字版|手机版|手機版)"
    r"|(?:[A-Za-z0-9-]+\.)+(?:com|net|org|cn|tw|hk)(?:\.[a-z]{2})?\s*[\u4e00-\u9fff]{2,10}(?:网|網|报|報|台|社)"
)
_MASTHEAD_ENDS = "版网網报報台社"  # the last character of anything _SITE_MASTHEAD matches
# Brackets left alone on a line once the link between them is gone: `）`, `（）`, `【】`.
_LONE_BRACKETS = re.compile(r"[（）()【】\[\]〔〕\s]+")
# The text of an embedded social-media post's frame: `在 Instagram 查看這則貼文`.
_EMBED = re.compile(
    r"^(?:在\s*)?(?:Instagram|Facebook|Threads|Twitter|X|YouTube)\s*(?:上)?查看(?:這則|这则)(?:貼文|帖子)$"
    r"|(?:分享的|發佈的|发布的)(?:貼文|帖子)$|(?i:^view this post on instagram$|^a post shared by)"
    # a Facebook embed's credit: `Posted by Radio Free Asia Chinese on Wednesday, July 1, 2020`
    r"|^Posted by .{1,60} on (?:\w+, )?\w+ \d{1,2}, \d{4}$"
    # the skip link and the end mark around an embedded post: `跳过 Twitter 帖子, 1`,
    # `Twitter 帖子结束, 1`
    r"|^(?:跳过|跳過)\s*(?:Instagram|Facebook|Threads|Twitter|X|YouTube|TikTok)\s*(?:帖子|貼文)"
    r"(?:\s*[,，]\s*\d{1,2})?$"
    r"|^(?:Instagram|Facebook|Threads|Twitter|X|YouTube|TikTok)\s*(?:帖子|貼文)\s*(?:结束|結束)"
    r"(?:\s*[,，]\s*\d{1,2})?$"
)
# A video's label printed under its player: `视频【港警用水炮向记者直射】`, `视频：警察冲入商场抓人`,
# `影片／記者會直播`: the player's title, not a sentence of the story.
_VIDEO_LABEL = re.compile(
    r"(?:视频|視頻|影片)\s*(?:[：:／/|｜]\s*[^。！？!?，,]{1,36}|(?:【[^【】]{1,30}】)+)"
)
# Consent prompts of a page's widgets: `請同意我們的隱私權規範，才能啟用聽新聞的功能。`
_CONSENT = re.compile(
    r"(?:請|请|您)(?:先)?(?:同意|接受|允许|允許)[^。]{0,10}(?:隐私|隱私|Cookie|cookie)"
    r"|(?:Cookie|cookie)[^。]{0,24}(?:同意|接受)"
)
# A site's cookie notice, however long, in Chinese or English: the site speaking of its own
# cookies (`本網站使用Cookies來改善您的瀏覽體驗…`, `我们和我们的合作伙伴在我们的网站上使用Cookie…`,
# `AASTOCKS uses cookies to optimise and improve the website…`, `We use cookies to…`) or
# taking reading on as consent (`如繼續瀏覽本網站即表示您同意我們使用cookies`, `By continuing
# to use this website, you agree to our use of cookies`). A story about cookies reports what
# other sites do (`谷歌将在Chrome中淘汰第三方Cookie`): no `本网站`, no reader's consent.
_COOKIE_NOTICE = re.compile(
    r"(?:本网站|本網站|本站|我们的网站|我們的網站)[^。！？]{0,20}"
    r"(?:存储|存儲|使用|採|采)[^。！？]{0,12}cookie"
    r"|cookies?[^。！？]{0,40}(?:即表示您同意|即代表您同意|视同您同意|視同您同意|请确定同意|請確定同意)"
    r"|(?:继续|繼續)(?:使用|浏览|瀏覽|阅览|閱覽)[^。！？]{0,20}同意[^。！？]{0,20}cookie"
    r"|\b(?:this|our) (?:web)?site\b[^.]{0,30}\bcookies\b|\bwe use cookies\b"
    r"|\buses?\b[^.]{0,30}\bcookies\b[^.]{0,60}\b(?:website|site|experience|navigation)\b"
    r"|\bby continuing to (?:use|browse)\b[^.]{0,60}\bcookies\b",
    re.IGNORECASE,
)
MAX_COOKIE_NOTICE_CHARS = 600


def cookie_notice(text: str) -> bool:
    """A site's notice about its cookies (`_COOKIE_NOTICE`): page furniture, never text."""
    return (
        ("ookie" in text or "OOKIE" in text)
        and len(text) <= MAX_COOKIE_NOTICE_CHARS
        and _COOKIE_NOTICE.search(text) is not None
    )


# A comment box's hint on what may be typed, alone on its line (`最多200字。 当前字数`,
# `还可输入140字`, `已输入0字`)
_INPUT_HINT = re.compile(
    r"(?:(?:最多|至多|限)\s*\d+\s*个?字[。.，,]?\s*)?"
    r"(?:(?:当前|當前)\s*字[数數]\s*[：:]?\s*\d*|(?:已|还可|還可)(?:以)?(?:输入|輸入)\s*\d*\s*个?字)"
    r"|(?:最多|至多|限)\s*\d+\s*个?字"
)
MAX_INPUT_HINT_CHARS = 30


def page_notice(text: str) -> bool:
    """A line of the page's own furniture that reads as prose: a cookie notice, a comment
    box's input hint. It weighs nothing for the story and is never text."""
    if cookie_notice(text):
        return True
    stripped = text.strip()
    return (
        len(stripped) <= MAX_INPUT_HINT_CHARS
        and "字" in stripped  # (every block is weighed: one cheap look before the pattern)
        and _INPUT_HINT.fullmatch(stripped) is not None
    )


# Bullets and dots a list left behind once its links are gone: `·`, `· · ·`, `•••`.
# Two small numbers over a slash alone on a line: a rating's score (`2/10`), a gallery's
# picture counter (`3 / 12`). Page furniture, never a paragraph.
_NUMBER_PAIR = re.compile(r"\d{1,3}\s*/\s*\d{1,3}")
_ORNAMENT = re.compile(r"[·•・∙●◆◇■□★☆*＊|｜/／\s]+")
# A line drawn with dashes or rules, any length: `———————————————`, `＝＝＝＝`, `~~~~~`.
_RULE_CHARS = "—─━＿_=＝~～-－"
_RULE_LINE = re.compile(rf"[{re.escape(_RULE_CHARS)}\s]{{3,}}")
# The buttons of a font-size widget printed beside the byline: `A-` / `A` / `A+`, `T + -`,
# `字級`, `字体：大 中 小`, the bare buttons `小 中 大`. Page furniture, never a paragraph and
# never a name.
_FONT_SIZE = re.compile(
    # (`浏览字号：大+ 小-`: a verb before the label, "read in font size")
    r"(?:浏览|瀏覽|阅读|閱讀|选择|選擇|调整|調整)?"
    r"(?:字級|字级|字體|字体|字號|字号|字型)(?:大小|設定|设定|調整|调整)?\s*[：:]?"
    r"(?:\s*(?:[AaTt]|大|中|小|[+\-－＋]))*"
    r"|(?:[AaTt]\s*[+\-－＋]?|[+\-－＋])(?:\s*(?:[AaTt]\s*[+\-－＋]?|[+\-－＋]))*"
    # the three size buttons alone, unlabelled (`<p>小</p><p>中</p><p>大</p>`, read as `小中大`)
    r"|(?:小\s*中\s*大|大\s*中\s*小)(?:\s*(?:特大|超大|特))?"
)
# A post's age printed on a line of its own (`19 分钟前`, `2小時前`, `3 hours ago`, `剛剛`):
# a widget of the page, and under the text the stamp of another story's card
# (zhnews.parse.assemble._mark_aged_excerpts).
RELATIVE_TIME = re.compile(
    r"\s*(?:\d{1,3}\s*(?:年|個月|个月|週|周|天|日|小時|小时|分鐘|分钟|秒)前|剛剛|刚刚"
    r"|\d{1,3}\s*(?:years?|months?|weeks?|days?|hours?|minutes?|mins?)\s+ago)\s*",
    re.IGNORECASE,
)
# A teaser card's source and day under its excerpt (`法国中文网 2024-10-26`): a short label,
# the day (zhnews.parse.assemble._mark_aged_excerpts reads it as it reads a post age)
CARD_STAMP = re.compile(
    r"[^\s\d，。：:！？][^，。：:！？\d]{0,11}\s+(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
)
# A post age after its stamp's label (`更新 : 44分钟前`, `发布于 3小时前`, `更新於：剛剛`)
_AGED_STAMP = re.compile(
    r"(?:更新|發布|发布|發表|发表|編輯|编辑|修改)(?:時間|时间|於|于)?\s*[:：]?\s*"
    + RELATIVE_TIME.pattern,
    re.IGNORECASE,
)
_STAMP_LABEL_FIRST = set("更發发編编修")
# The region a post was sent from, as platforms print it under the author (`来自甘肃`,
# `IP属地：北京`, `发布于：北京市`): a label of the author box, not text.
REGIONS = (
    "北京|天津|上海|重庆|重慶|河北|山西|辽宁|遼寧|吉林|黑龙江|黑龍江|江苏|江蘇|浙江|安徽|福建|江西"
    "|山东|山東|河南|湖北|湖南|广东|廣東|海南|四川|贵州|貴州|云南|雲南|陕西|陝西|甘肃|甘肅|青海"
    "|台湾|台灣|内蒙古|內蒙古|广西|廣西|西藏|宁夏|寧夏|新疆|香港|澳门|澳門|海外|中国|中國"
)
_IP_REGION = re.compile(
    rf"(?:(?:IP|ip)\s*(?:属地|屬地)\s*[：:]?|来自|來自|(?:发布于|發佈於|發布於)\s*[：:]"
    # `发表于四川` under the account name: where the post was sent from
    r"|(?:发表于|發表於)\s*[：:]?)"
    rf"\s*(?:{REGIONS})(?:市|省|自治区|自治區|特别行政区|特別行政區)?"
)
# A player's or article's length printed as a label (`音频 04:29`, `视频 03:12`, `7 分钟`,
# `阅读时间：5分钟`, `約 3 分鐘閱讀`) and a follow button (`+关注`, `+ 關注`): page furniture.
_LENGTH_LABEL = re.compile(
    r"(?:音频|音頻|视频|視頻|播客|时长|時長)\s*[：:]?\s*\d{1,2}:\d{2}(?::\d{2})?"
    r"|(?:(?:阅读|閱讀)(?:时间|時間|时长|時長)?\s*[：:]?\s*)?(?:约|約)?\s*\d{1,3}\s*(?:分钟|分鐘)"
    r"\s*(?:阅读|閱讀)?"
)
_FOLLOW_BUTTON = re.compile(r"(?:[+＋]\s*|已)?(?:关注|關注|订阅|訂閱)")
# A reader-feedback widget under a post: `不喜欢`, `减少或屏蔽此类内容推荐`, `1文章不错，点个赞吧`.
MAX_FEEDBACK_CHARS = 30
_FEEDBACK = re.compile(
    r"(?:不喜欢|不喜歡|不感兴趣|不感興趣)"
    r"|(?:已标记为不喜欢|已標記為不喜歡|减少或屏蔽|減少或屏蔽|减少此类|減少此類)[^。]{0,20}"
    r"|\d*\s*[^，,。]{0,8}[，,]?\s*(?:点个赞|點個讚|点赞|點讚)吧?[！!]?"
)
# A caption printed as a marked line of its own: `◎ 图：…截图`, `◎ …。/图：123rf`,
# `◎ 电影《…》截图` (the mark opens it, a picture source or 截图 closes or opens it).
_MARKED_CAPTION = re.compile(
    r"^[◎◉]\s*(?:(?:图|圖|图片|圖片|摄影|攝影|照片|相片)\s*(?:来源|來源|提供)?\s*[：:/／]|.{0,150}?(?:[/／]\s*(?:图|圖)\s*[：:]\s*\S{1,30}"
    r"|截图|截圖)$)"
)
# A teaser of a picture/news rail: a summary cut short and closed by its read-more link
# (`…陆续开镰收割。【详细】`); a paragraph of an article never ends on a link label.
_READ_MORE_END = re.compile(
    r"(?:[【\[](?:详细|詳細|详情|詳情|全文)[】\]]|(?:详情|詳情|全文)\s*(?:>>|»|＞＞))$"
)
# A pager: page links and numbers only (`首页 | 上一页 1 下一页 | 尾页`).
_PAGER_WORDS = re.compile(
    r"首页|首頁|上一页|上一頁|下一页|下一頁|尾页|尾頁|末页|末頁|\d{1,3}|[|｜/\s\[\]【】<>«»]"
)
# A reaction bar's labels and a gallery's counters and labels: `讚好`, `搶先表達`, a count
# standing alone (`6`, `+4`), `▼大埔火災．現場▼`.
_REACTION = re.compile(
    r"讚好|赞好|搶先表達|抢先表达|表達心情|表达心情|我要表態|我要表态|[+＋]\d{1,4}"
    # a finance page's vote on the news: `利好` / `利淡` / `沽空`, each button with its count
    r"|利好|利淡|沽空|看好|看淡|看涨|看漲|看跌"
)
# The emotion buttons of a reaction bar, as their icons' alt texts (`<img alt="happy">`).
_EMOTIONS = frozenset(
    "happy sad angry cry shock shocked wow love like haha laugh speechless surprised "
    "surprise funny scared fear bored touched 开心 高兴 感动 震惊 愤怒 生气 难过 伤心 无聊 "
    "无语 惊讶 好笑 喜欢 開心 感動 憤怒 難過 傷心 無聊 無語 驚訝".split()
)


def reaction_button(text: str) -> bool:
    """A button of a reaction bar: an emotion (`happy`, `开心`) or a bar's label (`讚好`)."""
    stripped = text.strip()
    return stripped.lower() in _EMOTIONS or bool(_REACTION.fullmatch(stripped))


_GALLERY_LABEL = re.compile(r"[▼▽]\s*[^▼▽]{1,40}?\s*[▼▽]")
# A paywall or channel teaser printed after the story: `此文限时免费阅读。感谢…订阅…`,
# `更多报道详见：【专题】…`.
_TEASER = re.compile(
    r"^(?:此文|本文|全文)(?:限时|限時)?(?:免费|免費)(?:阅读|閱讀)"
    r"|^(?:更多|相关|相關)(?:报道|報導|报导|内容|內容|资讯|資訊)?(?:详见|詳見|请见|請見|请看|請看|见|見)\s*[：:]"
    r"|(?:成为|成為|加入).{0,12}(?:会员|會員).{0,6}(?:畅读|暢讀|阅读全文|閱讀全文)"
)
# (its first two rules open the line with one of these; the third needs a 会员)
_TEASER_OPENS = "此本全更相"
# A serial's notice at a story's end: `此稿未完`, `（未完）`, `（待續）`, `未完待續`.
# `（節錄）`, `(节选)`: the note that the page shows an excerpt (a paywalled view), not text.
_EXCERPT_NOTE = re.compile(r"[（(]\s*(?:节录|節錄|摘录|摘錄|节选|節選)\s*[）)]")
# `建立時間16:41`, `更新時間：2020-08-07 17:24`: when the item was created or updated, printed
# on a line of its own under the text.
_STAMP_LINE = re.compile(
    r"(?:建立|創建|创建|更新|修改|最後更新|最后更新)(?:時間|时间)\s*[：:]?\s*"
    r"(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*)?"
    r"\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?"
)
_SERIAL_NOTICE = re.compile(
    r"[（(【\[]?\s*(?:此稿|本稿|全稿|本文)?(?:未完(?:待續|待续)?|待續|待续)\s*[）)】\]]?[。.]?"
)
# A line of pipe-separated `label: value` cells (`报纸网 |发布: 2021-1-29 13:18|点击: 313|来自:
# 互联网`): the page's meta line, not the first paragraph.
_META_CELL = re.compile(
    r"^\s*(?:发布|發佈|发布时间|發佈時間|点击|點擊|来自|來自|来源|來源|作者|浏览|瀏覽|阅读|閱讀"
    r"|时间|時間|日期|编辑|編輯|人气|人氣)\s*[：:]\s*\S"
)
MIN_META_CELLS = 2


_VIEW_COUNT_CELL = re.compile(
    r"^\s*(?:点击|點擊|浏览|瀏覽|阅读|閱讀|人气|人氣)(?:量|数|數|次数|次數)?\s*[：:]\s*\d"
)


def is_meta_cells(text: str) -> bool:
    """`站名 |发布: 2021-1-29 13:18|点击: 313|来自: 互联网`: two or more `label: value` cells,
    one of them a view count (a line of credits alone, `作者：X | 来源：Y`, is a byline and
    is left to the byline parser)."""
    if "|" not in text and "｜" not in text:
        return False
    cells = re.split(r"[|｜]", text)
    return sum(bool(_META_CELL.match(cell)) for cell in cells) >= MIN_META_CELLS and any(
        _VIEW_COUNT_CELL.match(cell) for cell in cells
    )


# A wire story's header line: `新华社北京5月9日电 题：<headline>` (the headline, not text).
_WIRE_HEADLINE = re.compile(
    r"^[^，。：:\s]{2,20}?(?:电|電|讯|訊)\s*(?:题|題)\s*[：:][^。！？!?]{2,100}$"
)
# Wire end marks: （完）, 【完】, -完-, （全文完）, （终）
END_MARK = re.compile(
    r"\s*(?:[（(【\[]\s*(?:全文)?(?:完|终|終)\s*[）)】\]]|[-—－]+\s*(?:完|终)\s*[-—－]+)\s*$"
)


# An official document's number printed as a line of its own (`吉政明电〔2022〕1号`,
# `国办发〔2021〕12号`): the 发文字号 field of the notice's header, not its text.
_DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔［\[]\s*(?:19|20)\d{2}\s*[〕］\]]\s*\d{1,5}\s*号"
)
# A field label of a government information page's header table printed alone, its value
# in the next cell (`发文字号：` / `吉政明电〔2022〕1号`).
_FIELD_LABEL = re.compile(
    r"(?:索\s*引\s*号|发文字号|發文字號|文\s*号|发文机关|發文機關|成文日期|发布日期|發布日期|主\s*题\s*词"
    r"|主题分类|有\s*效\s*性|生效日期|废止日期|发布机构|發布機構)\s*[：:]"
)
# A magazine's end box and a serial's notice glued after a story's last sentence:
# `…走到了它的极点。(未完待续)□`, `…有意义的课题。□` (after a sentence end only: `□` alone
# also stands for an illegible character inside a transcribed text).
CLOSING_MARK = re.compile(
    r"(?<=[。！？!?”」』])\s*(?:[（(]\s*(?:未完待續|未完待续|待續|待续|未完)\s*[）)]\s*[□■]?|[□■])\s*$"
    # `…基层体育运动。(to/s)`: the desk's lower-case codes of who wrote and who checked the
    # copy, in brackets after the last sentence (a wire service's slug), no name
    r"|(?<=[。！？!?”」』])\s*[（(]\s*[a-z]{1,4}(?:\s*/\s*[a-z]{1,4}){1,3}\s*[）)]\s*$"
)


def page_header(text: str) -> str | None:
    """The page label of an archive page header (`第4版()` → `4`), None when not one."""
    stripped = text.strip()
    if len(stripped) > 30 or (
        "版" not in stripped and "栏" not in stripped and "欄" not in stripped
    ):
        return None
    match = _PAGE_HEADER.match(stripped)
    if match:
        number = match.group("n1") or match.group("n2") or match.group("n3")
        section = (match.group("s1") or match.group("s2") or "").strip()
        return f"{number} {section}".strip()
    if _COLUMN_LABEL.match(stripped):
        return ""
    return None


# A newsletter box: `訂閱中時新聞網` / `周一至五發送，每日五則庶民情報`.
_SUBSCRIBE_LINE = re.compile(
    r"(?:立即|馬上|马上|免費|免费)?(?:訂閱|订阅)\s*[《「]?[\u4e00-\u9fffA-Za-z ]{1,16}"
    r"(?:網|网|報|报|電子報|电子报|日報|日报|新聞|新闻|週報|周报|電子信|电子信)[》」]?"
)
_NEWSLETTER_SCHEDULE = re.compile(
    r"(?:每日|每天|每週|每周|[週周][一二三四五六日]至[一二三四五六日]|[週周][一二三四五六日]到[一二三四五六日])"
    r"[^。]{0,12}(?:發送|发送|寄送|推送|寄發|寄发|送達|送达)"
)
MAX_NEWSLETTER_CHARS = 30
# The pitch closing on the ask (`掌握最新AI、半導體、數位趨勢！訂閱《數位時代》日報及社群活動訊息`)
_SUBSCRIBE_PITCH = re.compile(
    r"[！!]\s*(?:立即|馬上|马上|免費|免费)?(?:訂閱|订阅)\s*《[^》]{1,16}》\s*"
    r"(?:日報|日报|電子報|电子报|週報|周报|電子信|电子信)[^。！？!?]{0,12}$"
)
MAX_NEWSLETTER_PITCH_CHARS = 60


def is_newsletter_box(text: str) -> bool:
    """A newsletter box's name (`訂閱中時新聞網`) or its delivery schedule opening the line
    (`周一至五發送，每日五則庶民情報`); short, no sentence end."""
    stripped = text.strip()
    if len(stripped) <= MAX_NEWSLETTER_PITCH_CHARS and _SUBSCRIBE_PITCH.search(stripped):
        return True
    if len(stripped) > MAX_NEWSLETTER_CHARS or re.search(r"[。！？!?]", stripped):
        return False
    if _SUBSCRIBE_LINE.fullmatch(stripped):
        return True
    # when it is sent, then what it holds: `周一至五發送，每日五則…`
    return bool(_NEWSLETTER_SCHEDULE.match(stripped)) and bool(re.search(r"[，,]", stripped))


def is_promo(text: str) -> bool:
    """`DW中文有Instagram！欢迎搜寻…`, `請加入成為…的月費訂戶`, `下载法广应用程序跟踪国际时事`.

    All three of action, channel and reader address; or two of them on a short line that is
    not a sentence (`该视频在微博引发网友关注。` is reporting).
    """
    stripped = text.strip()
    if len(stripped) > 120:
        return False
    cues = sum(bool(rx.search(stripped)) for rx in (_PROMO_ACTION, _PROMO_CHANNEL))
    cues += bool(_PROMO_ADDRESS.search(stripped) or _PROMO_PROMISE.search(stripped))
    return cues == 3 or (
        cues == 2 and len(stripped) <= 40 and not re.search(r"[。！？!?，,]", stripped)
    )


# A view counter's label whose number a script fills in, empty on the saved page (`點閱 :`,
# `浏览次数：`); with its number it is a meta cell (`点击: 313`, see `is_meta_cells`).
_EMPTY_COUNTER = re.compile(
    r"(?:點閱|点阅|點擊|点击|瀏覽|浏览|閱讀|阅读|人氣|人气)(?:數|数|量|次數|次数)?\s*[：:]"
)


# A view counter whose number a script fills in, printed with its unit and no number
# (`瀏覽： views`, `閱讀 次`) or with one (`瀏覽：1,234 次`, `1.2k views`): page furniture.
_VIEW_COUNTER = re.compile(
    # (`(被阅读 31923 次)`: how often it has been read, in brackets)
    r"(?:(?:已?被\s*)?(?:點閱|点阅|點擊|点击|瀏覽|浏览|閱讀|阅读|人氣|人气|觀看|观看)(?:數|数|量|次數|次数)?"
    r"\s*[：:]?\s*(?:\d[\d,.]*\s*[万萬kKmM]?\s*)?(?:views?|reads?|次|人次)"
    # `瀏覽次數：1,234`, `人氣 1234`: a counter's label that says it counts, then the number
    r"|(?:(?:點閱|点阅|點擊|点击|瀏覽|浏览|閱讀|阅读|觀看|观看)(?:數|数|量|次數|次数)|人氣|人气)"
    r"\s*[：:]?\s*\d[\d,.]*\s*[万萬kKmM]?"
    r"|(?:\d[\d,.]*\s*[kKmM]?\s*)?(?:views?|reads?)"
    # `889点阅`: the count printed before the word for what it counts
    r"|\d[\d,.]*\s*[万萬kK]?\s*(?:次|人次)?\s*(?:點閱|点阅|瀏覽|浏览|閱讀|阅读|觀看|观看)(?:數|数|次數|次数)?)",
    re.IGNORECASE,
)
MAX_TOAST_CHARS = 40
# A share widget's confirmation left in the page: the link was copied to the clipboard
# (`已將目前網頁的網址複製到您的剪貼簿！`, `連結已複製`, `Link copied to clipboard`).
_CLIPBOARD_TOAST = re.compile(
    r"(?:已|已經|已经|成功)[^。，,]{0,16}(?:複製|复制|拷貝|拷贝)[^。，,]{0,12}"
    r"(?:剪貼簿|剪贴簿|剪貼板|剪贴板|粘貼板|粘贴板)"
    r"|(?:網址|网址|連結|链接|鏈接|URL|url)\s*(?:已|已經|已经)\s*(?:複製|复制|拷貝|拷贝)"
    r"|(?:複製|复制)(?:成功|完成)"
    r"|(?i:(?:the\s+)?(?:link|url)\s+(?:was\s+|has\s+been\s+)?copied|copied\s+(?:the\s+)?(?:link|url)"
    r"|copied\s+to\s+(?:the\s+|your\s+)?clipboard)"
)


def is_toast(text: str) -> bool:
    """A widget's confirmation or counter printed as a line: `已將…複製到您的剪貼簿！`,
    `瀏覽： views`. Short lines only: reporting on a clipboard attack is a sentence."""
    stripped = text.strip()
    if len(stripped) > MAX_TOAST_CHARS:
        return False
    if _VIEW_COUNTER.fullmatch(stripped.rstrip("。.").strip("()（） ")):
        return True
    if re.search(r"[，,「」“”『』]|[:：]\S", stripped):
        return False  # a clause or a quotation: someone's words, not a widget's
    return bool(_CLIPBOARD_TOAST.search(stripped))


def is_empty_field(text: str) -> bool:
    return bool(_EMPTY_FIELD.fullmatch(text.strip()))


def is_hashtag_line(text: str) -> bool:
    return bool(_HASHTAGS.fullmatch(text.strip()))


def related_header(text: str) -> str | None:
    """The rest of the line after a related-links header (`""` when only the header), else None."""
    stripped = text.strip()
    if (
        len(stripped) > 80
        or stripped.lstrip(_RELATED_MARKS + "【[〖<《(（ ")[:1] not in _RELATED_FIRST
    ):
        return None
    match = _RELATED_HEADER.match(stripped)
    if not match:
        return "" if _MORE_FROM.match(stripped) else None
    rest = stripped[match.end() :].strip()
    if rest and not match.group(0).rstrip().endswith((":", "：", "】", "]", "〗", "》", ")", "）")):
        # `相关新闻显示，…` is a sentence, not a header
        return None
    return rest


# The licence a text is released under, stated on a line of its own: `本文依 CC 創用姓名標示-
# 非商業性-禁止改作3.0台灣授權條款釋出`, `本文采用知识共享署名 4.0 许可协议`.
_LICENCE_LINE = re.compile(
    r"^本(?:文|篇|作品|報導|报道)?\s*(?:依|依照|採用|采用|以|使用|遵循)\s*.{0,12}"
    r"(?:CC|創用|创用|知識共享|知识共享|Creative\s*Commons).{0,60}(?:授權|授权|許可|许可)"
)


def is_disclaimer(text: str) -> bool:
    """Copyright/disclaimer/reprint-policy line: opens with a marker, or holds two; or the
    line that states the text's licence."""
    stripped = text.strip()
    if len(stripped) > MAX_DEBRIS_CHARS:
        return False
    if stripped[:1] == "本" and _LICENCE_LINE.match(stripped):
        return True
    lead = _DISCLAIMER_LEAD.match(stripped)
    rest = stripped[lead.end() :] if lead else stripped
    if _DISCLAIMER_MARKERS.match(rest):
        return True
    # two distinct markers (by their first 4 characters): stop scanning at the second
    seen: set[str] = set()
    for m in _DISCLAIMER_MARKERS.finditer(stripped):
        seen.add(m.group(0)[:4])
        if len(seen) >= 2:
            return True
    return False


# One cheap scan decides whether a line can be debris at all: every rule below needs one of
# these cues (most paragraphs have none, and the rules are not run for them).
# Every alternative opens with a literal character (`(c)`, `(C)`, `Standards`, `standards`
# rather than a class): then the regex engine skips, in C, every position whose character
# opens no alternative, instead of trying all of them there (10x faster on a line).
_CUES = re.compile(
    r"声明|聲明|版权|版權|代表|作者|笔者|筆者|未经|未經|未获|未獲|转载|轉載|本文|侵权|侵權|投资|投資|仅供|僅供|权益|權益"
    r"|摘编|摘編|提示|Copyright|COPYRIGHT|copyright|©|\(c\)|\(C\)|rights|\{\{|\{%|原标题|原標題|原题|原題|原文标题|原文標題"
    r"|订阅|訂閱|关注|關注|追踪|追蹤|下载|下載|扫码|掃碼|扫描|掃描|长按|長按|搜寻|搜尋|搜索|收听|收聽|支持我"
    r"|Instagram|Facebook|YouTube|Telegram|Twitter|LINE|WhatsApp|Podcast|推特|脸书|臉書|微信|微博|抖音"
    r"|App|APP|应用程序|應用程式|客户端|客戶端|公众号|公眾號|小程序|二维码|二維碼|新闻信|新聞信|电子报|電子報"
    r"|订户|訂戶|会员|會員|频道|頻道|播客|平台|FB|專頁|专页|概不|恕不|由[^。]{2,30}提供"
    r"|專線|专线|熱線|热线|諮詢|咨询|協談|协谈|自殺|自杀|提醒|珍惜|機會|机会|貼文|帖子|關心|关心"
    r"|post|Post|list|List|role|Role|article|Article|隐私|隱私|ookie|感谢|感謝|鸣谢|鳴謝|致谢|致謝"
    r"|鎖定|锁定|我们的标准|我們的標準|编辑准则|編輯準則|Standards|standards"
    r"|爆料|线索|線索|\[!--|打开|打開"
)


# `reut.rs/2vMVED1`, `https://t.co/x`, `www.example.com/a/1.html`: a paragraph that is only a
# link's address (a short link printed under the text), with a scheme, `www.` or a path
_BARE_ADDRESS = re.compile(
    r"(?:https?://\S+|(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/[\w\-./?=&%#~+]*)",
    re.IGNORECASE,
)
# A picture gallery's controls: `幻灯播放`, `提示：支持键盘翻页`, `上一张` / `下一张`, `查看原图`
_GALLERY_CONTROLS = re.compile(
    r"(?:提示[：:]\s*)?(?:支持键盘(?:←\s*→|左右键)?翻页|支持鍵盤(?:←\s*→|左右鍵)?翻頁)[\s←→左右]*"
    r"|幻灯播放|幻燈播放|上一张|下一张|上一張|下一張|查看原图|查看原圖|全屏观看|全屏觀看"
)


# A site's licence numbers in its footer: `京ICP证060535号`, `京ICP备12345678号`,
# `网络文化经营许可证文网文[2010]024号`, `新出网证（京）字098号`
_SITE_LICENCE = re.compile(
    r"ICP(?:证|證|备|備)\s*\d|(?:网络|網絡)文化(?:经营|經營)许可证|新出网证|视听节目许可证"
)


# A blog theme's lines under a post: where it was filed and how often it was read, and the
# address for trackbacks (`(本文发表于首页批评与建议, 已被阅读178次)`,
# `本文通告引用(Trackback)链接: /wp-trackback.php?p=1700`)
_BLOG_FOOTER = re.compile(
    r"[（(]?\s*本文发表于[^，,()（）]{1,30}[，,]\s*已被阅读\s*\d[\d,]*\s*次\s*[)）]?$"
    r"|(?:本文)?(?:通告)?引用\s*[（(]?\s*Trackback\s*[)）]?\s*(?:链接|鏈接|网址|網址|地址)?\s*[：:]",
    re.IGNORECASE,
)


# A desk's sign-off on a line of its own under the text (`棱角編輯部`, `某某新聞部`): the
# desk is credited, nobody is named, and the line is no text (a letter `致編輯部` is).
_DESK_SIGN_OFF = re.compile(
    r"(?!致|給|给|寫給|写给)[\u4e00-\u9fffA-Za-z0-9]{1,8}"
    r"(?:編輯部|编辑部|編輯組|编辑组|編輯室|编辑室|新聞部|新闻部|新聞組|新闻组)"
)


# An e-mail address on a line with its label and nothing else (`邮箱：news@example.com`): a
# contact box's line, never text
_MAIL_LINE = re.compile(
    r"(?:(?:投稿|爆料|联系|聯繫|聯絡|读者|讀者)?(?:邮箱|郵箱|信箱|电邮|電郵|邮件|郵件)|e-?mail)"
    r"\s*[：:]\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    re.IGNORECASE,
)


def debris_reason(text: str) -> str | None:
    """Why a whole paragraph/line is debris, or None when it may be text."""
    stripped = text.strip()
    if len(stripped) <= 100 and _BARE_ADDRESS.fullmatch(stripped):
        return "address"
    if len(stripped) <= 80 and "@" in stripped and _MAIL_LINE.fullmatch(stripped):
        return "address"
    if len(stripped) <= 24 and _GALLERY_CONTROLS.fullmatch(stripped):
        return "widget"
    if _SITE_LICENCE.search(stripped):
        return "licence"
    if page_notice(stripped):
        return "widget"
    if stripped[:1] in ("[", "［") and len(stripped) <= MAX_ENDNOTE_CHARS:
        if _ENDNOTE.match(stripped) and _CITATION.search(stripped):
            return "endnote"  # a reference may carry a long address
    if not stripped or len(stripped) > MAX_DEBRIS_CHARS:
        return None  # every kind of debris is a short line; prose is never looked at
    if len(stripped) <= 16 and stripped[-1] in "部組组室" and _DESK_SIGN_OFF.fullmatch(stripped):
        return "contributor"
    if stripped[-1].isdigit() and len(stripped) <= 30 and _STAMP_LINE.fullmatch(stripped):
        return "time_stamp"
    if _BLOG_FOOTER.match(stripped):
        return "blog_footer"  # `(本文发表于…, 已被阅读178次)`, `本文通告引用(Trackback)链接: …`
    if stripped[0] in _RULE_CHARS and _RULE_LINE.fullmatch(stripped):
        return "ornament"  # `———————————————`: a rule drawn with dashes
    if len(stripped) <= 12:
        if is_empty_field(stripped):
            return "empty_field"
        if _ORNAMENT.fullmatch(stripped) or _LONE_BRACKETS.fullmatch(stripped):
            return "ornament"
        if stripped[:3] in ("End", "end") and _A11Y_LABEL.match(stripped):
            return "widget"  # `End of` (the list's name printed elsewhere)
        if END_MARK.fullmatch(stripped):
            return "end_mark"
        if RELATIVE_TIME.fullmatch(stripped) or _IP_REGION.fullmatch(stripped):
            return "widget"
        if stripped[:1] in _STAMP_LABEL_FIRST and _AGED_STAMP.fullmatch(stripped):
            return "widget"  # `更新 : 44分钟前`: a labelled post age, not text
        if _REACTION.fullmatch(stripped):
            return "widget"
        if _LENGTH_LABEL.fullmatch(stripped) or _FOLLOW_BUTTON.fullmatch(stripped):
            return "widget"
        if _SERIAL_NOTICE.fullmatch(stripped):
            return "serial_notice"
        if _EXCERPT_NOTE.fullmatch(stripped):
            return "excerpt_note"
        if stripped[-1] == "月" and _MONTH_LINE.fullmatch(stripped):
            return "month_line"
        if _FONT_SIZE.fullmatch(stripped):
            return "font_size"
        if stripped[-1] in "：:" and _EMPTY_COUNTER.fullmatch(stripped):
            return "widget"
        if stripped[0].isdigit() and _NUMBER_PAIR.fullmatch(stripped):
            return "widget"
    if len(stripped) <= 40 and ("圖" in stripped or "图" in stripped):
        if _PICTURE_PROMPT.match(stripped):
            return "widget"
    if len(stripped) <= 60 and stripped[:1] in "视視影" and _VIDEO_LABEL.fullmatch(stripped):
        return "video_label"
    if len(stripped) <= 12 and _WIDGET_BUTTON.fullmatch(stripped):
        return "widget"
    if len(stripped) <= 20 and _SCROLL_PROMPT.fullmatch(stripped):
        return "widget"
    if (
        len(stripped) <= 30
        and stripped[-1] in _MASTHEAD_ENDS
        and _SITE_MASTHEAD.fullmatch(stripped)
    ):
        return "masthead"
    if stripped[0] == "目" and _TOC_LABEL.fullmatch(stripped):
        return "toc_label"
    if stripped[-1] == "号" and _DOC_NUMBER.fullmatch(stripped):
        return "doc_number"
    if stripped[-1] in "：:" and _FIELD_LABEL.fullmatch(stripped):
        return "field_label"
    if stripped[-1] in "：:" and _BARE_LABEL.fullmatch(stripped):
        return "widget"
    if len(stripped) <= 80 and stripped[:1] in "标標Tt关關" and _TAG_LIST.fullmatch(stripped):
        return "widget"
    if len(stripped) <= 14 and _READ_MORE_BUTTON.fullmatch(stripped):
        return "widget"
    if len(stripped) <= 80 and _SHARE_BAR.fullmatch(stripped):
        return "widget"
    if stripped[0] in "▼▽" and _GALLERY_LABEL.fullmatch(stripped):
        return "gallery_label"
    teaser_cue = stripped[0] in _TEASER_OPENS or "会员" in stripped or "會員" in stripped
    if teaser_cue and _TEASER.search(stripped):
        return "teaser"
    if is_meta_cells(stripped):
        return "meta_line"
    if len(stripped) <= MAX_FEEDBACK_CHARS and _FEEDBACK.fullmatch(stripped):
        return "widget"
    if stripped[0] == "#" and is_hashtag_line(stripped):
        return "hashtags"
    if stripped[0] in "◎◉" and _MARKED_CAPTION.match(stripped):
        return "caption"
    if ("题" in stripped or "題" in stripped) and _WIRE_HEADLINE.match(stripped):
        return "wire_headline"
    if ("一页" in stripped or "一頁" in stripped) and not _PAGER_WORDS.sub("", stripped):
        return "pager"
    if stripped[-1] in "】]>»＞" and _READ_MORE_END.search(stripped):
        return "teaser"
    if stripped[-1] in "）)" and ("摄" in stripped or "攝" in stripped):
        if _PHOTO_CREDIT_LINE.match(stripped):
            return "photo_credit"
    if ("来源" in stripped or "來源" in stripped) and _SOURCE_CREDIT.match(stripped):
        return "source_credit"
    if ("化名" in stripped or "假名" in stripped) and _PSEUDONYM_NOTE.match(stripped):
        return "pseudonym_note"
    if ("点击" in stripped or "點擊" in stripped) and _LINK_PROMPT.match(stripped):
        return "link_prompt"
    if 2 < len(stripped) <= 12 and "文" in stripped and _SOURCE_LINK_LABEL.fullmatch(stripped):
        return "link_prompt"  # (a bare `原文` may head the original of a translation)
    if ("請" in stripped or "请" in stripped) and is_link_prompts(stripped):
        return "link_prompt"
    if stripped[:2] in ("来源", "來源", "稿源") and _BAR_SOURCE.match(stripped):
        return "source_credit"
    if is_toast(stripped):
        return "widget"
    if is_newsletter_box(stripped):
        return "promo"
    if stripped[0] in "BbEeTt" and _PLAYER_DIALOG.fullmatch(stripped):
        return "widget"
    if (
        len(stripped) <= 30
        and ("版" in stripped or "version" in stripped.lower())
        and _EDITION_LINK.fullmatch(stripped)
    ):
        return "link_prompt"
    if stripped in _EMBED_LABEL:
        return "widget"
    if ("专题" in stripped or "專題" in stripped) and _TOPIC_LINK.fullmatch(stripped):
        return "widget"
    if not _CUES.search(stripped):
        return None
    if is_disclaimer(stripped):
        return "disclaimer"
    if _TEMPLATE.fullmatch(stripped):
        return "template"
    if _ORIGINAL_TITLE.match(stripped):
        return "original_title"
    if is_promo(stripped):
        return "promo"
    if len(stripped) <= 80 and _HOTLINE.search(stripped):
        return "public_notice"
    if _TIP_OFF.search(stripped) and _TIP_OFF_CONTACT.search(stripped):
        return "promo"  # the desk asking for news tips, with its hotline
    if _A11Y_LABEL.match(stripped) or _EMBED.search(stripped):
        return "widget"
    if len(stripped) <= 60 and _CONSENT.search(stripped):
        return "widget"
    if _CONTRIBUTOR.match(stripped):
        return "contributor"
    return None


def headline_shaped(text: str) -> bool:
    """A line of a related-links list: a headline (≤ 80 characters, one sentence at most)."""
    stripped = text.strip()
    return len(stripped) <= 80 and not re.search(r"[。！？!?][^”」』）)\s]", stripped[:-1])
