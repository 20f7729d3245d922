# -*- coding: utf-8 -*-
# Renders the NewsMiner sample site (four site kinds) and its manifest from articles.py.
import datetime, html, json, os, re, shutil, sys, unicodedata
sys.path.insert(0, os.path.dirname(__file__))
from articles import ARTICLES, CONFLICTS, IMG

OUT = sys.argv[1]
E = html.escape

WD_CAP = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật']
WD_LOW = ['Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy', 'Chủ nhật']

for a in ARTICLES:
    fmt = '%Y-%m-%d %H:%M:%S' if a['when'].count(':') == 2 else '%Y-%m-%d %H:%M'
    a['dt'] = datetime.datetime.strptime(a['when'], fmt)

BY = {a['key']: a for a in ARTICLES}
BROKEN = '/baothainguyen/xay-dung-dang/202311/dong-hy-nang-chat-luong-sinh-hoat-chi-bo-4B19E07'
files = {}

def put(rel, text):
    assert rel not in files, rel
    files[rel] = text

def resource_of(path):
    rel = path.lstrip('/')
    if rel == '' or rel.endswith('/'):
        return rel + 'index.html'
    if re.search(r'\.(html|aspx|pdf|txt|gif)$', rel):
        return rel
    return rel + '.html'

def page_resource(path, n):
    rel = resource_of(path)
    if n == 1:
        return rel
    base, ext = os.path.splitext(rel)
    return f'{base}-page-{n}{ext}'

def paras(a, caption_twice=True, dots=False):
    out = []
    for p in a['body']:
        if p.startswith(IMG):
            cap = E(p[len(IMG):])
            if dots: out.append('<p>.</p>')
            out.append(f'<figure class="photo"><img src="/static/anh.gif" alt="" width="640" height="400">\n<figcaption>{cap}</figcaption></figure>')
            if caption_twice: out.append(f'<p class="caption">{cap}</p>')
            if dots: out.append('<p>.</p>')
        else:
            out.append(f'<p>{E(p)}</p>')
    return '\n'.join(out)

def page(title, head_extra, body, lang='vi'):
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{E(title)}</title>\n{head_extra}</head>\n'
            f'<body>\n{body}\n</body>\n</html>\n')

def section_articles(kind, section):
    xs = [a for a in ARTICLES if a['kind'] == kind and a['section'] == section]
    return sorted(xs, key=lambda a: a['dt'], reverse=True)

def first_sentence(a):
    p = next(p for p in a['body'] if not p.startswith(IMG))
    return p.split('. ')[0].rstrip('.') + '.'

# ------------------------------------------------------------------ (a) baotinh
BT_STYLE = '<style>body{font-family:Arial,sans-serif;margin:0}.banner{background:#0a4f8c;color:#fff;padding:8px 16px}.banner a{color:#fff}.menu a{margin-right:12px}.detail{max-width:720px;margin:auto}.caption{font-style:italic}.sidebar{border-top:1px solid #ccc}</style>\n'

def bt_chrome(inner, crumb):
    return f'''<header class="banner">
<div class="today">Thứ Hai, 15/04/2024 10:15 (GMT +7)</div>
<div class="logo"><a href="/baotinh/">BÁO QUẢNG NINH ĐIỆN TỬ</a></div>
<div class="slogan">Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Quảng Ninh</div>
<div class="weather">Quảng Ninh, 30°C/27°C - 33°C</div>
</header>
<nav class="menu"><a href="/baotinh/">Trang chủ</a> <a href="/baotinh/chinh-tri/xay-dung-dang/">Xây dựng Đảng</a> <a href="/baotinh/the-thao/">Thể thao</a></nav>
<div class="breadcrumb">{crumb}</div>
<main>
{inner}
</main>
<footer class="footer">
<p>BÁO QUẢNG NINH ĐIỆN TỬ</p>
<p>Giấy phép số 52/GP-BTTTT. Chịu trách nhiệm chính: Tổng Biên tập</p>
<p>Địa chỉ: đường Nguyễn Văn Cừ, TP Hạ Long, tỉnh Quảng Ninh. Điện thoại: 0203.3835.146 - Fax: 0203.3835.147</p>
<p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p>
</footer>'''

BT_SECTIONS = {'xay-dung-dang': ('/baotinh/chinh-tri/xay-dung-dang/', 'Chính trị &gt; Xây dựng Đảng'),
               'the-thao': ('/baotinh/the-thao/', 'Thể thao')}

def bt_article(a):
    d = a['dt']
    date = f"{WD_CAP[d.weekday()]}, {d:%d/%m/%Y}, {d:%H:%M} [GMT+7]"
    others = [o for o in section_articles('baotinh', a['section']) if o is not a][:4]
    rel = '\n'.join(f'<li><a href="{o["path"]}">{E(o["title"])}</a></li>' for o in others)
    inner = f'''<article class="detail">
<h1 class="title">{E(a['title'])}</h1>
<div class="date">{date}</div>
<div class="content">
<p>.</p>
<p>.</p>
<p class="sapo"><strong>{E(a['sapo'])}</strong></p>
{paras(a, caption_twice=True, dots=True)}
<p>{E(a['author'])}</p>
</div>
<div class="tools"><span>In bài này</span> <span>Gửi bài viết</span> <span>Chia sẻ bài viết</span></div>
</article>
<aside class="sidebar">
<h3>Tin cùng chuyên mục</h3>
<ul>
{rel}
</ul>
<div class="comment"><h3>Ý kiến ()</h3><p>0 / 500 ký tự</p><p>Guest</p><p>Đang tải dữ liệu</p></div>
</aside>'''
    url, crumb = BT_SECTIONS[a['section']]
    return page(f"{a['title']} - Báo Quảng Ninh", BT_STYLE, bt_chrome(inner, crumb))

def bt_listing(section, per_page):
    url, crumb = BT_SECTIONS[section]
    xs = section_articles('baotinh', section)
    pages = [xs[i:i + per_page] for i in range(0, len(xs), per_page)]
    for n, chunk in enumerate(pages, 1):
        items = '\n'.join(f'''<div class="story">
<h2><a href="{a['path']}">{E(a['title'])}</a></h2>
<p class="time">{a['dt']:%d/%m/%Y %H:%M}</p>
<p class="summary">{E(a['sapo'])}</p>
</div>''' for a in chunk)
        nav = ' '.join((f'<b>{i}</b>' if i == n else f'<a href="{url}{"" if i == 1 else f"?page={i}"}">{i}</a>') for i in range(1, len(pages) + 1))
        if n < len(pages):
            nav += f' <a href="{url}?page={n + 1}">Trang sau</a>'
        inner = f'<section class="list">\n<h1>{crumb}</h1>\n{items}\n<div class="paging">{nav}</div>\n</section>'
        put(page_resource(url, n), page(f'{section} - Báo Quảng Ninh', BT_STYLE, bt_chrome(inner, crumb)))
    return url, len(pages)

# ------------------------------------------------------------------ (b) congthongtin
CT_STYLE = '<style>body{font-family:Tahoma,sans-serif}#print-area{display:none}.banner{background:#b30000;color:#fff}.left{float:left;width:220px}.news-detail{margin-left:240px}</style>\n'
CT_SECTIONS = {'xay-dung-dang': ('/congthongtin/tin-tuc/xay-dung-dang.aspx', 'Xây dựng Đảng'),
               'kinh-te-xa-hoi': ('/congthongtin/tin-tuc/kinh-te-xa-hoi.aspx', 'Kinh tế - Xã hội')}

def ct_chrome(inner, crumb):
    return f'''<div class="skip"><span>Skip Ribbon Commands</span> <span>Skip to main content</span></div>
<header class="banner">
<div class="logo"><a href="/congthongtin/">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH THANH HÓA</a></div>
<div class="font">Cỡ chữ (A-) (A) (A+)</div>
</header>
<nav class="menu"><a href="/congthongtin/">Trang chủ</a> <a href="/congthongtin/tin-tuc/xay-dung-dang.aspx">TIN TỨC - SỰ KIỆN</a> <a href="/congthongtin/tin-tuc/kinh-te-xa-hoi.aspx">Kinh tế - Xã hội</a></nav>
<div class="breadcrumb">Trang chủ &gt; Tin tức &gt; {crumb}</div>
<div class="left">
<h3>Văn bản mới ban hành</h3>
<ul><li>Lịch công tác</li><li>Giấy mời họp</li><li>Thông báo kết luận</li><li>Trả lời công dân</li></ul>
<h3>Liên kết website</h3>
<ul><li>Cổng thông tin điện tử Chính phủ</li><li>Công báo tỉnh Thanh Hóa</li></ul>
</div>
{inner}
<footer class="footer">
<p>THÔNG TIN LIÊN HỆ</p>
<p>Cơ quan chủ quản: Văn phòng UBND tỉnh Thanh Hóa. Địa chỉ: số 35 Đại lộ Lê Lợi, TP Thanh Hóa.</p>
<p>Điện thoại: 0237.3852.218. Email: congthongtin@thanhhoa.gov.vn</p>
<p>Giấy phép số 116/GP-TTĐT. Ban biên tập Cổng thông tin điện tử tỉnh.</p>
</footer>'''

def ct_block(a, cls, hidden):
    d = a['dt']
    style = ' style="display:none"' if hidden else ''
    ident = ' id="print-area"' if hidden else ''
    return f'''<div class="{cls}"{ident}{style}>
<h1 class="title">{E(a['title'])}</h1>
<div class="date">Đăng lúc: {d:%d/%m/%Y %H:%M:%S} (GMT+7)</div>
{paras(a, caption_twice=False)}
<p class="author">{E(a['author'])}</p>
</div>'''

def ct_article(a):
    others = [o for o in section_articles('congthongtin', a['section']) if o is not a]
    rel = '\n'.join(f'<li><a href="{o["path"]}">{E(o["title"])}</a> <span>(Ngày {o["dt"]:%d/%m/%Y %H:%M:%S})</span></li>' for o in others)
    inner = f'''<div class="news-detail">
{ct_block(a, 'print-version', True)}
{ct_block(a, 'news-content', False)}
<div class="tools"><span>In trang</span> <span>Gửi email</span> <span>Lượt xem: 428</span></div>
<h3>Các tin khác</h3>
<ul>
{rel}
</ul>
</div>'''
    return page(a['title'], CT_STYLE, ct_chrome(inner, CT_SECTIONS[a['section']][1]))

def ct_listing(section, per_page):
    url, crumb = CT_SECTIONS[section]
    xs = section_articles('congthongtin', section)
    pages = [xs[i:i + per_page] for i in range(0, len(xs), per_page)]
    for n, chunk in enumerate(pages, 1):
        items = '\n'.join(f'''<div class="item">
<a class="title" href="{a['path']}">{E(a['title'])}</a>
<p class="date">Ngày {a['dt']:%d/%m/%Y %H:%M:%S}</p>
<p>{E(first_sentence(a))}</p>
</div>''' for a in chunk)
        nav = ' '.join((f'<span>{i}</span>' if i == n else f'<a href="{url}{"" if i == 1 else f"?page={i}"}">{i}</a>') for i in range(1, len(pages) + 1))
        inner = f'<div class="news-list">\n<h1>{crumb}</h1>\n{items}\n<div class="pager">{nav}</div>\n</div>'
        put(page_resource(url, n), page(f'{crumb} - Cổng thông tin điện tử tỉnh Thanh Hóa', CT_STYLE, ct_chrome(inner, crumb)))
    return url, len(pages)

# ------------------------------------------------------------------ (c) huyen (NukeViet)
NV_HEAD = '<meta name="generator" content="NukeViet v4.4">\n<style>body{font-family:Arial,sans-serif}.col-left{float:left;width:230px}.bodytext{text-align:justify}</style>\n'
NV_SECTIONS = {'tin-dang-doan-the': ('/huyen/vi/news/tin-dang-doan-the/', 'Tin Đảng - Đoàn thể'),
               'an-ninh-trat-tu': ('/huyen/vi/news/an-ninh-trat-tu/', 'An ninh - Trật tự')}

def nv_chrome(inner, crumb):
    return f'''<header class="banner">
<div class="logo"><a href="/huyen/">CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ĐAKRÔNG</a></div>
<div class="slogan">Tỉnh Quảng Trị</div>
</header>
<nav class="menu"><a href="/huyen/">Trang nhất</a> <a href="/huyen/vi/news/tin-dang-doan-the/">Tin Đảng - Đoàn thể</a> <a href="/huyen/vi/news/an-ninh-trat-tu/">An ninh - Trật tự</a></nav>
<div class="breadcrumbs">Trang nhất &gt; Tin tức &gt; {crumb}</div>
<div class="col-left">
<ul class="menu-left"><li>Văn bản mới ban hành</li><li>Giấy mời họp</li><li>Thông báo kết luận</li><li>Lịch công tác</li><li>Tài liệu iso</li><li>Trả lời công dân</li></ul>
<h3>Hình ảnh</h3><p>+ Xem tất cả</p>
<h3>Video clip</h3>
<h3>Liên kết website</h3>
<ul><li>Cổng thông tin điện tử Chính phủ</li><li>Trang thông tin điện tử tỉnh Quảng Trị</li><li>Dân chấm điểm (M-score)</li></ul>
</div>
<div class="col-main">
{inner}
</div>
<div class="stats">
<h3>Thống kê lượt truy cập</h3>
<ul>
<li>Đang truy cập 12</li>
<li>Khách viếng thăm 9</li>
<li>Máy chủ tìm kiếm 3</li>
<li>Hôm nay 1.234</li>
<li>Tháng hiện tại 45.678</li>
<li>Tổng lượt truy cập 3.456.789</li>
</ul>
</div>
<footer class="footer">
<p>CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ĐAKRÔNG</p>
<p>Cơ quan chủ quản: UBND huyện Đakrông. Địa chỉ: thị trấn Krông Klang, huyện Đakrông, tỉnh Quảng Trị.</p>
<p>Điện thoại: 0233.3890.129. Email: ubnd@dakrong.quangtri.gov.vn</p>
</footer>'''

def nv_dateline(a):
    d = a['dt']
    return f"Đăng lúc: {WD_LOW[d.weekday()]} - {d:%d/%m/%Y %H:%M} - Người đăng bài viết: {a['account']}"

def nv_article(a):
    tools = []
    if a.get('print_path'):
        tools.append(f'<a href="{a["print_path"]}" title="In ra">In ra</a>')
    tools.append('<span>Gửi bài viết qua email</span>')
    pdf = ''
    if a.get('pdf'):
        pdf = f'<p class="attach">Tệp đính kèm: <a href="{a["pdf"][0]}">{E(a["pdf"][1])}</a></p>'
    others = [o for o in section_articles('huyen', a['section']) if o is not a]
    rel = '\n'.join(f'<li><a href="{o["path"]}">{E(o["title"])}</a> ({o["dt"]:%d/%m/%Y})</li>' for o in others)
    inner = f'''<div class="news_column">
<h1>{E(a['title'])}</h1>
<div class="time">{E(nv_dateline(a))}</div>
<div class="bodytext">
{paras(a, caption_twice=False)}
</div>
{pdf}
<p class="author">Tác giả bài viết: <strong>{E(a['author'])}</strong></p>
<div class="tools">{' '.join(tools)}</div>
<div class="rating">
<p>Đánh giá bài viết</p>
<p>Tổng số điểm là: 0 trong 0 đánh giá</p>
<p>Click để đánh giá bài viết</p>
</div>
<div class="comment"><h3>Ý kiến bạn đọc</h3></div>
<h3>Những tin mới hơn / cũ hơn</h3>
<ul>
{rel}
</ul>
</div>'''
    return page(f"{a['title']} - Cổng thông tin điện tử huyện Đakrông", NV_HEAD, nv_chrome(inner, NV_SECTIONS[a['section']][1]))

def nv_print(a):
    head = f'<meta name="generator" content="NukeViet v4.4">\n<meta name="robots" content="noindex">\n<link rel="canonical" href="{a["path"]}">\n'
    body = f'''<div id="print">
<div class="header">CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ĐAKRÔNG</div>
<h1>{E(a['title'])}</h1>
<div class="time">{E(nv_dateline(a))}</div>
<div class="bodytext">
{paras(a, caption_twice=False)}
</div>
<p class="author">Tác giả bài viết: {E(a['author'])}</p>
<div class="footer">URL của bản tin này: <a href="{a['path']}">{E(a['path'])}</a></div>
</div>'''
    return page(a['title'], head, body)

def nv_listing(section, per_page):
    url, crumb = NV_SECTIONS[section]
    xs = section_articles('huyen', section)
    pages = [xs[i:i + per_page] for i in range(0, len(xs), per_page)]
    for n, chunk in enumerate(pages, 1):
        items = '\n'.join(f'''<div class="news_column_item">
<h3><a href="{a['path']}">{E(a['title'])}</a></h3>
<p class="time">{WD_LOW[a['dt'].weekday()]} - {a['dt']:%d/%m/%Y %H:%M}</p>
<p>{E(first_sentence(a))}</p>
</div>''' for a in chunk)
        nav = ' '.join((f'<strong>{i}</strong>' if i == n else f'<a href="{url}{"" if i == 1 else f"page-{i}"}">{i}</a>') for i in range(1, len(pages) + 1))
        inner = f'<h1>{crumb}</h1>\n{items}\n<div class="generate_page">{nav}</div>'
        rel = resource_of(url) if n == 1 else url.lstrip('/') + f'page-{n}.html'
        put(rel, page(f'{crumb} - Cổng thông tin điện tử huyện Đakrông', NV_HEAD, nv_chrome(inner, crumb)))
    return url, len(pages)

# ------------------------------------------------------------------ (d) baothainguyen
TN_STYLE = '<style>body{font-family:Roboto,Arial,sans-serif}.header{background:#006838;color:#fff}.related{border:1px solid #ddd}</style>\n'
TN_SECTIONS = {'xay-dung-dang': ('/baothainguyen/xay-dung-dang/', 'Xây dựng Đảng'),
               'kinh-te': ('/baothainguyen/kinh-te/', 'Kinh tế')}

def tn_chrome(inner, crumb):
    return f'''<a id="top"></a>
<header class="header">
<div class="logo"><a href="/baothainguyen/">BÁO THÁI NGUYÊN</a></div>
<div class="slogan">Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Thái Nguyên - Tiếng nói của Đảng, chính quyền và nhân dân các dân tộc tỉnh Thái Nguyên</div>
</header>
<nav class="menu"><a href="/baothainguyen/">Trang chủ</a> <a href="/baothainguyen/xay-dung-dang/">Xây dựng Đảng</a> <a href="/baothainguyen/kinh-te/">Kinh tế</a></nav>
<div class="cat">{crumb}</div>
{inner}
<div class="totop"><a href="#top">LÊN ĐẦU TRANG</a></div>
<footer class="footer">
<p>BÁO THÁI NGUYÊN ĐIỆN TỬ</p>
<p>Giấy phép số 490/GP-BTTTT. Tổng Biên tập chịu trách nhiệm chính.</p>
<p>Tòa soạn: số 4 đường Đội Cấn, TP Thái Nguyên. Điện thoại: 0208.3855.467 - 0208.3759.181</p>
</footer>'''

def tn_article(a):
    d = a['dt']
    others = [o for o in section_articles('baothainguyen', a['section']) if o is not a][:3]
    rel = [f'<li><a href="{o["path"]}">{E(o["title"])}</a></li>' for o in others]
    if a['key'] == 'D1':
        rel.append(f'<li><a href="{BROKEN}">Đồng Hỷ nâng chất lượng sinh hoạt chi bộ</a></li>')
    inner = f'''<article class="detail">
<h1 class="title">{E(a['title'])}</h1>
<div class="author-time">{E(a['author'])} {d:%H:%M}, {d:%d/%m/%Y}</div>
<div class="content">
{paras(a, caption_twice=True)}
</div>
<div class="views">Lượt xem: {a['views']}</div>
<div class="related">
<h3>Tin liên quan</h3>
<ul>
{chr(10).join(rel)}
</ul>
</div>
</article>'''
    return page(f"{a['title']} - Báo Thái Nguyên điện tử", TN_STYLE, tn_chrome(inner, TN_SECTIONS[a['section']][1]))

def tn_listing(section, per_page):
    url, crumb = TN_SECTIONS[section]
    xs = section_articles('baothainguyen', section)
    pages = [xs[i:i + per_page] for i in range(0, len(xs), per_page)]
    for n, chunk in enumerate(pages, 1):
        items = '\n'.join(f'''<div class="item">
<h2><a href="{a['path']}">{E(a['title'])}</a></h2>
<p class="time">{a['dt']:%H:%M, %d/%m/%Y}</p>
</div>''' for a in chunk)
        prev = f'<a href="{url}{"" if n == 2 else f"?page={n - 1}"}">Trang trước</a> ' if n > 1 else ''
        nxt = f' <a href="{url}?page={n + 1}">Trang sau</a>' if n < len(pages) else ''
        inner = f'<section class="list">\n<h1>{crumb}</h1>\n{items}\n<div class="paging">{prev}Trang {n}/{len(pages)}{nxt}</div>\n</section>'
        put(page_resource(url, n), page(f'{crumb} - Báo Thái Nguyên điện tử', TN_STYLE, tn_chrome(inner, crumb)))
    return url, len(pages)

# ------------------------------------------------------------------ render
RENDER = {'baotinh': bt_article, 'congthongtin': ct_article, 'huyen': nv_article, 'baothainguyen': tn_article}
for a in ARTICLES:
    put(resource_of(a['path']), RENDER[a['kind']](a))
    if a.get('print_path'):
        put(resource_of(a['print_path']), nv_print(a))

listings = []
listings.append(bt_listing('xay-dung-dang', 2))
listings.append(bt_listing('the-thao', 2))
listings.append(ct_listing('xay-dung-dang', 2))
listings.append(ct_listing('kinh-te-xa-hoi', 2))
listings.append(nv_listing('tin-dang-doan-the', 2))
listings.append(nv_listing('an-ninh-trat-tu', 2))
listings.append(tn_listing('xay-dung-dang', 2))
listings.append(tn_listing('kinh-te', 2))

def home(kind, title, chrome, style, sections):
    latest = sorted([a for a in ARTICLES if a['kind'] == kind], key=lambda a: a['dt'], reverse=True)[:3]
    secs = '\n'.join(f'<li><a href="{u}">{n}</a></li>' for u, n in sections)
    lat = '\n'.join(f'<li><a href="{a["path"]}">{E(a["title"])}</a></li>' for a in latest)
    inner = f'<div class="home">\n<h2>Chuyên mục</h2>\n<ul>\n{secs}\n</ul>\n<h2>Tin mới nhất</h2>\n<ul>\n{lat}\n</ul>\n</div>'
    put(f'{kind}/index.html', page(title, style, chrome(inner, 'Trang chủ')))

home('baotinh', 'Báo Quảng Ninh điện tử', bt_chrome, BT_STYLE, [(u, n) for u, n in BT_SECTIONS.values()])
home('congthongtin', 'Cổng thông tin điện tử tỉnh Thanh Hóa', ct_chrome, CT_STYLE, list(CT_SECTIONS.values()))
home('huyen', 'Cổng thông tin điện tử huyện Đakrông', nv_chrome, NV_HEAD, list(NV_SECTIONS.values()))
home('baothainguyen', 'Báo Thái Nguyên điện tử', tn_chrome, TN_STYLE, list(TN_SECTIONS.values()))

put('index.html', page('NewsMiner sample site', '', '''<h1>NewsMiner sample site</h1>
<p>Bốn trang mẫu do dự án NewsMiner tự viết để thử bộ thu thập (nội dung hư cấu).</p>
<ul>
<li><a href="/baotinh/">Báo tỉnh (Quảng Ninh)</a></li>
<li><a href="/congthongtin/">Cổng thông tin (Thanh Hóa)</a></li>
<li><a href="/huyen/">Cổng thông tin huyện (Quảng Trị)</a></li>
<li><a href="/baothainguyen/">Báo Thái Nguyên</a></li>
</ul>'''))
put('robots.txt', 'User-agent: *\nDisallow: /huyen/vi/news/savefile/\n')

# ------------------------------------------------------------------ binary files
def make_pdf(text):
    content = f'BT /F1 12 Tf 72 760 Td ({text}) Tj ET'.encode('latin-1')
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>',
            b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
            b'<< /Length ' + str(len(content)).encode() + b' >>\nstream\n' + content + b'\nendstream',
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
    out = bytearray(b'%PDF-1.4\n')
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += f'{i} 0 obj\n'.encode() + o + b'\nendobj\n'
    x = len(out)
    out += f'xref\n0 {len(objs) + 1}\n0000000000 65535 f \n'.encode()
    for off in offs:
        out += f'{off:010d} 00000 n \n'.encode()
    out += f'trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n'.encode()
    return bytes(out)

binaries = {
    'huyen/uploads/news/2022_01/bao-cao-cong-tac-xay-dung-dang-nam-2021.pdf': make_pdf('Bao cao cong tac xay dung Dang nam 2021 - mau NewsMiner'),
    'static/anh.gif': bytes.fromhex('47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b'),
}

# ------------------------------------------------------------------ manifest
TAG = re.compile(r'<[^>]+>')
def visible(htmltext):
    body = htmltext.split('<body>', 1)[1]
    body = re.sub(r'<(script|style)[^>]*>.*?</\1>', '', body, flags=re.S)
    t = html.unescape(TAG.sub('', body))
    t = unicodedata.normalize('NFC', t)
    return re.sub(r'[ \t]+', ' ', t)

def loc(prov, d, c, u):
    return dict(province=prov, district=d, commune=c, unit=u)

problems = []
arts = []
for a in ARTICLES:
    text = visible(files[resource_of(a['path'])])
    copies = 2 if a['kind'] == 'congthongtin' else 1
    figs = []
    for f in a['figures']:
        ev = f['evidence']
        n = text.count(ev)
        if n != copies:
            problems.append(f"{a['key']}: evidence {ev!r} occurs {n}x")
        if len(ev.split()) > 12:
            problems.append(f"{a['key']}: evidence too long {ev!r}")
        prov, d, c, u = f['_loc']
        g = {k: v for k, v in f.items() if k != '_loc'}
        g['locality'] = loc(prov or a['province'], d, c, u)
        figs.append(g)
    for ng in a['negatives']:
        if ng['text'] not in text:
            problems.append(f"{a['key']}: negative {ng['text']!r} missing")
    arts.append(dict(path=a['path'], kind=a['kind'], title=a['title'], published=a['dt'].strftime('%Y-%m-%d'),
                     author=a['author'], province=a['province'], figures=figs, negatives=a['negatives']))

conflicts = [dict(kind=c['kind'], metric=c['metric'], period=c['period'], locality=loc(*c['loc']),
                  paths=[BY[k]['path'] for k in c['keys']], values=c['values']) for c in CONFLICTS]
for c in CONFLICTS:
    for k, v in zip(c['keys'], c['values']):
        hits = [f for f in BY[k]['figures'] if f['metric'] == c['metric'] and f['period'] == c['period']
                and f['_loc'][1] == c['loc'][1] and f['_loc'][2] is None and f['value'] == v]
        if len(hits) != 1:
            problems.append(f'conflict {c} not found in {k}')

manifest = dict(
    version=1,
    description='Gold annotations for the NewsMiner sample site (figure-schema v1). Pages and text were written for the project; all figures are fictional.',
    start_paths=[u for u, _ in listings],
    listings=[dict(path=u, pages=n) for u, n in listings],
    articles=arts,
    conflicts=conflicts,
    print_views=[dict(path=a['print_path'], canonical=a['path']) for a in ARTICLES if a.get('print_path')],
    documents=[dict(path=a['pdf'][0], content_type='application/pdf') for a in ARTICLES if a.get('pdf')],
    broken_links=[BROKEN],
)

if problems:
    print('\n'.join(problems)); sys.exit(1)

if os.path.exists(OUT):
    shutil.rmtree(OUT)
for rel, text in files.items():
    p = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, 'w', encoding='utf-8', newline='\n') as fh:
        fh.write(text)
for rel, data in binaries.items():
    p = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, 'wb') as fh:
        fh.write(data)
with open(os.path.join(OUT, 'manifest.json'), 'w', encoding='utf-8', newline='\n') as fh:
    json.dump(manifest, fh, ensure_ascii=False, indent=2)
    fh.write('\n')
print(len(files), 'pages;', sum(len(a['figures']) for a in arts), 'figures;', len(arts), 'articles')
