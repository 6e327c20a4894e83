// Page furniture: lines that real reposts and printed attachments carry around a list and that are never a
// practice, a measure or a mechanism (issue 23.4): image file names and captions, share/print/font-size buttons,
// 来源 / 编辑 / 责任编辑 / 浏览次数 lines, breadcrumbs and site navigation, page numbers, 上一篇/下一篇 and site footers,
// a government site's document block (索引号, 发文机关…), a WeChat article's prompts and buttons (点击蓝字关注我们,
// 阅读原文, 在看, 预览时标签不可点…) and an article's end (— END —, （完）).
// Each rule matches a whole line (or a labelled field at its start), so a practice's wrapped line that merely contains
// such a word (资金来源：…, 关闭高污染企业…) is never caught. The parser drops such a line with a warning and lists it so
// the user can restore it. Pure.

/** The last two are not told by the line alone but by the parser (parse.ts): a 序号 cell alone on a line whose number
 * is the next practice's (a table copied one cell a line), and the site's lines after the list has ended (相关链接…). */
export type FurnitureKind = 'image' | 'caption' | 'buttons' | 'byline' | 'breadcrumb' | 'page-number' | 'navigation' | 'sequence' | 'after-list';

const IMAGE_EXT = 'png|jpe?g|gif|bmp|webp|svg|tiff?|heic';
const RULES: [FurnitureKind, RegExp][] = [
  // 1.png · image003.jpg · 微信图片_2022.jpeg · [图片] · [image]
  ['image', new RegExp(`^[\\[【(（]?[\\w\\-.\\u4e00-\\u9fff（）()]{0,60}\\.(?:${IMAGE_EXT})[\\]】)）]?$`, 'i')],
  ['image', /^[[【]?(?:图片|image|img|photo|视频|video)[\]】]?$/i],
  // 图1 · 图 2：北京市… · 图一 城市更新示意 · （图片：…） · （图片来源：…） · ▲ 改造后的街景 · 摄影：…
  ['caption', /^图\s*[0-9０-９一二三四五六七八九十]{1,3}(?:[\s:：.．、\-—].{0,60})?$/],
  ['caption', /^[（(【[]\s*(?:图|图片|图为|照片|摄影|视频|资料图)[^）)】\]]{0,60}[）)】\]]$/],
  ['caption', /^[▲△▼↑]\s*.{0,60}$/],
  ['caption', /^(?:摄影|图片来源|图片|供图|配图)\s*[:：].{0,40}$/],
  // （本文图片均来自网络） · 图片来源于网络 · 本文配图由…提供
  ['caption', /^[（(]?\s*(?:本文|文中)?(?:图片|配图|照片|图)均?(?:来源|来自|源自|由|选自|取自).{0,30}[）)]?$/],
  // Buttons alone on a line: 【打印】【关闭】 · 字号：大 中 小 · 分享到：微信 微博 · 扫一扫在手机打开当前页
  ['buttons', /^(?:[【[]?\s*(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|收藏|返回(?:顶部|首页|列表)?|(?:我要)?纠错|分享|转发|下载|保存|复制链接|字体|字号)(?:\s*[:：]\s*[大中小默认\s]*)?\s*[】\]]?\s*[|｜/]?\s*)+$/],
  // (分享 or 字号 with a colon, or 分享到: a wrapped practice line may start 分享共建成果.)
  ['buttons', /^(?:[【[]?\s*)?(?:(?:字号|字体|分享到?|分享至)\s*[:：].{0,40}|(?:分享到|分享至|扫一扫|微信扫一扫|用手机扫描|打印本页|关闭窗口).{0,40})$/],
  // Prompts: 扫码分享 · 识别二维码 关注我们 · 欢迎转发 · 喜欢就点个在看吧 · 点击查看大图 · 视频加载中… · TOP
  [
    'buttons',
    /^(?:.{0,10}(?:点个|点一下|点击|戳)(?:在看|赞|分享|关注|这里).{0,12}|在看点这里|.{0,6}(?:识别|扫描|长按)(?:二维码|图中二维码|图片).{0,12}|关注我们.{0,6}|欢迎(?:转发|分享|关注|留言|点赞).{0,12}|扫码(?:分享|关注|阅读|查看).{0,10}|点击查看(?:大图|原图|全文)|视频加载中.{0,6}|TOP|Top|top)$/,
  ],
  // A WeChat article's buttons and prompts (公众号): 点击蓝字关注我们 · 在看 · 点赞 · 阅读 3256 · 收录于合集 #… ·
  // 长按识别二维码 · 轻点两下取消赞.
  [
    'buttons',
    /^(?:(?:点击|点)(?:上方|下方)?(?:蓝字|“?关注”?).{0,20}|关注该?公众号.{0,10}|长按(?:识别)?(?:二维码|图片).{0,20}|扫码关注.{0,20}|收录于(?:合集|话题|专辑).{0,40}|(?:(?:在看|点赞|赞|分享|收藏|转发|留言|写留言|喜欢|阅读|阅读量|浏览)(?:\s*[0-9０-９.,]+\s*[万wW+]?)?\s*[|｜/·]?\s*){1,8}|取消\s*允许|使用小程序|知道了|视频\s*小程序.{0,60}|.{0,20}轻点两下取消.{0,40})$/,
  ],
  // Bylines: 来源：… · 2022-11-29 09:12 来源：… 作者：… 浏览次数：3256 · 编辑：… · 责任编辑：…
  [
    'byline',
    /^(?:[0-9０-９]{4}[-年/.][0-9]{1,2}[-月/.][0-9]{1,2}日?(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?\s*)?[|｜]?\s*(?:来源|信息来源|文章来源|稿源|编辑|责任编辑|责编|作者|记者|通讯员|浏览次数|浏览量|阅读量|阅读数|阅读|点击数|点击率|点击|访问量|访问次数|审核|校对|初审|终审|监制|排版|美编|发布时间|发布日期|更新时间|发布者|发布机构)\s*[:：|｜丨]/,
  ],
  // The same in brackets: （来源：住房和城乡建设部网站） · 【责任编辑：李华】 · 本文来源于… · 原标题：… · 原文链接：…
  ['byline', /^[（(【[]\s*(?:来源|信息来源|文章来源|稿源|编辑|责任编辑|责编|作者|记者|通讯员|审核|校对|摄影|原标题|转自|摘自)\s*[:：|｜丨].{0,60}[）)】\]]$/],
  ['byline', /^(?:本文(?:来源|转载|转自|来自|摘自|选自|原载)|原标题\s*[:：]|原文(?:链接|地址|标题)\s*[:：]|(?:浏览|点击量|访问|文字|撰文|文案|图文|文|图)\s*[:：|｜丨]).{0,60}$/],
  // A government site's document block (gov.cn, 住建部): 索引号：… 主题分类：… 发文机关：… 成文日期：… 发文字号：…,
  // each label alone on its line or with its value.
  ['byline', /^(?:索引号|主题分类|主题词|发文机关|发文单位|发布机构|发文字号|文号|成文日期|发文日期|公开方式|公开范围|有效性|时效性|名称|标题|体裁分类|组配分类)\s*[:：]/],
  // A WeChat article's byline: 原创 作者 公众号名 2022-11-30 08:00 发表于北京.
  ['byline', /^原创\s+.{0,60}$|^.{0,60}[0-9]{4}-[0-9]{2}-[0-9]{2}(?:\s+[0-9]{1,2}:[0-9]{2})?\s*发表于\S{0,10}$/],
  // 发布时间 2024-03-01 · 日期：2024年3月1日 (a date with a label and no colon, alone or before the byline)
  ['byline', /^(?:发布时间|发布日期|更新时间|发文日期|成文日期|日期|时间)\s*[:：]?\s*[0-9０-９]{4}\s*[-年/.]\s*[0-9]{1,2}\s*[-月/.]\s*[0-9]{1,2}\s*日?(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?(?:\s+.{0,60})?$/],
  // Breadcrumbs and site navigation: 当前位置：首页 > … · 首页 >> 政策法规 >> 正文 · 网站首页 | 协会简介 | …
  ['breadcrumb', /^(?:当前位置|您的位置|你的位置|您现在的位置|所在位置|位置)\s*[:：]/],
  ['breadcrumb', /^[^。；;（(]{1,20}(?:\s*(?:>>?|»|＞|›)\s*[^。；;>»＞›]{1,20}){2,}$/],
  ['breadcrumb', /^[^。；;|｜]{1,12}(?:\s*[|｜]\s*[^。；;|｜]{1,12}){2,}$/],
  // Page numbers: — 3 — · - 3 - · 第3页 · 第 3 页 共 10 页 · 3/10 · 3 / 10 · a lone 3.
  ['page-number', /^[—\-–－―~～\s]*[0-9０-９]{1,4}[—\-–－―~～\s]*$/],
  ['page-number', /^第\s*[0-9０-９]{1,4}\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*页)?$/],
  ['page-number', /^(?:共\s*[0-9０-９]{1,4}\s*页)$/],
  // 续表 · 续上表 · （续）: a table going on after a page break.
  ['page-number', /^(?:续表\s*[0-9０-９]{0,3}|续上表|[（(]续(?:表|上表)?[）)])$/],
  ['page-number', /^[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}$/],
  ['page-number', /^(?:page\s*)?[0-9]{1,4}\s*of\s*[0-9]{1,4}$/i],
  // The page's attachment links: 附件： · 附件：清单（第一批）.pdf · 附件下载 · a file name alone.
  ['navigation', /^(?:附件\s*[:：]\s*|附件下载\s*[:：]?\s*|相关附件\s*[:：]?\s*)$/],
  ['navigation', /^(?:(?:相关)?附件\s*[0-9０-９]?\s*[:：]?\s*)?[^。；;]{1,80}\.(?:pdf|docx?|wps|xlsx?|ofd|zip|rar|et)(?:\s*[（(][0-9.]+\s*[KMG]?B[）)])?$/i],
  // Previous/next and the site's own footer.
  [
    'navigation',
    // A label alone or followed by its colon, a space or a bracket: a practice's wrapped line may well start 相关政策….
    /^(?:(?:上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇|相关阅读|相关链接|相关新闻|相关文章|相关稿件|相关文件|相关政策|相关解读|推荐阅读|延伸阅读|热门推荐|热点推荐|猜你喜欢|往期推荐|往期回顾|往期精选|往期阅读|精彩推荐|精彩回顾|主办单位|承办单位|主办|协办|技术支持|版权所有|网站地图|联系我们|网站标识码)(?=$|[\s:：|｜>》\]】)(（©])|[京沪粤浙苏鲁川渝津冀晋蒙辽吉黑皖闽赣豫鄂湘桂琼贵云藏陕甘青宁新]ICP|ICP备|公网安备|Copyright|©)/i,
  ],
  // The end of an article: — END — · （完） · 阅读原文 · 预览时标签不可点 · 继续滑动看下一个 · 点击“阅读原文”查看更多.
  [
    'navigation',
    /^(?:[-—–_=\s~～·]*(?:THE\s+)?END[-—–_=\s~～·]*|[（(【[]\s*(?:完|全文完|结束)\s*[）)】\]]|(?:轻触|点击|戳)?\s*[“"]?阅读原文[”"]?.{0,20}|预览时标签不可点|(?:继续|向上)滑动看下一个|写留言|留言区?|精选留言)$/i,
  ],
];

/** The kind of furniture a line is, or null for a line that may belong to the list. */
export function furnitureKind(line: string): FurnitureKind | null {
  const t = line.replace(/[\u3000\u00a0\ufeff]/g, ' ').trim();
  if (t === '' || t.length > 120) return null;
  // A sentence is never furniture (bylines and captions have no full stop of their own), but for a site's statement
  // after the article (声明：本文转载自…。).
  if (/^(?:版权|免责|转载|特别)?声明\s*[:：]/.test(t)) return 'navigation';
  if (/[。！？]$/.test(t) && !/^[（(【[]/.test(t)) return null;
  for (const [kind, re] of RULES) if (re.test(t)) return kind;
  return null;
}

/** Page-number lines alone (running footers of printed attachments). */
export function isPageNumber(line: string): boolean {
  return furnitureKind(line) === 'page-number';
}
