// Page furniture: lines that real reposts and printed attachments carry around a list and that are never a
// practice, a measure or a mechanism (issue 23.4): image file names and captions, share/print/font-size buttons,
// 来源 / 编辑 / 责任编辑 / 浏览次数 lines, breadcrumbs and site navigation, page numbers, 上一篇/下一篇 and site footers.
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
  // Buttons alone on a line: 【打印】【关闭】 · 字号：大 中 小 · 分享到：微信 微博 · 扫一扫在手机打开当前页
  ['buttons', /^(?:[【[]?\s*(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|收藏|返回(?:顶部|首页|列表)?|纠错|分享|转发|下载|保存|复制链接|字体|字号)(?:\s*[:：]\s*[大中小默认\s]*)?\s*[】\]]?\s*[|｜/]?\s*)+$/],
  ['buttons', /^(?:[【[]?\s*)?(?:字号|字体|分享到?|分享至|扫一扫|微信扫一扫|用手机扫描|打印本页|关闭窗口)\s*[:：]?.{0,40}$/],
  // Bylines: 来源：… · 2022-11-29 09:12 来源：… 作者：… 浏览次数：3256 · 编辑：… · 责任编辑：…
  [
    'byline',
    /^(?:[0-9０-９]{4}[-年/.][0-9]{1,2}[-月/.][0-9]{1,2}日?(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?\s*)?[|｜]?\s*(?:来源|信息来源|文章来源|稿源|编辑|责任编辑|责编|作者|记者|通讯员|浏览次数|浏览量|阅读量|阅读数|阅读|点击数|点击率|点击|访问量|访问次数|审核|校对|发布时间|发布日期|更新时间|发布者|发布机构)\s*[:：]/,
  ],
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
  ['page-number', /^[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}$/],
  ['page-number', /^(?:page\s*)?[0-9]{1,4}\s*of\s*[0-9]{1,4}$/i],
  // The page's attachment links: 附件： · 附件：清单（第一批）.pdf · 附件下载 · a file name alone.
  ['navigation', /^(?:附件\s*[:：]\s*|附件下载\s*[:：]?\s*|相关附件\s*[:：]?\s*)$/],
  ['navigation', /^(?:(?:相关)?附件\s*[0-9０-９]?\s*[:：]?\s*)?[^。；;]{1,80}\.(?:pdf|docx?|wps|xlsx?|ofd|zip|rar|et)(?:\s*[（(][0-9.]+\s*[KMG]?B[）)])?$/i],
  // Previous/next and the site's own footer.
  [
    'navigation',
    /^(?:上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇|相关阅读|相关链接|相关新闻|相关文章|相关稿件|推荐阅读|延伸阅读|热门推荐|热点推荐|猜你喜欢|主办单位|承办单位|主办|技术支持|版权所有|网站地图|联系我们|网站标识码|[京沪粤浙苏鲁川渝津冀晋蒙辽吉黑皖闽赣豫鄂湘桂琼贵云藏陕甘青宁新]ICP|ICP备|公网安备|Copyright|©)/i,
  ],
];

/** The kind of furniture a line is, or null for a line that may belong to the list. */
export function furnitureKind(line: string): FurnitureKind | null {
  const t = line.replace(/[\u3000\u00a0\ufeff]/g, ' ').trim();
  if (t === '' || t.length > 120) return null;
  // A sentence is never furniture (bylines and captions have no full stop of their own).
  if (/[。！？]$/.test(t) && !/^[（(【[]/.test(t)) return null;
  for (const [kind, re] of RULES) if (re.test(t)) return kind;
  return null;
}

/** Page-number lines alone (running footers of printed attachments). */
export function isPageNumber(line: string): boolean {
  return furnitureKind(line) === 'page-number';
}
