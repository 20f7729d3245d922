<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kinh tế - Xã hội - Cổng thông tin điện tử tỉnh Thanh Hóa</title>
<style>body{font-family:Tahoma,sans-serif}#print-area{display:none}.banner{background:#b30000;color:#fff}.left{float:left;width:220px}.news-detail{margin-left:240px}</style>
</head>
<body>
<div class="skip"><span>Skip Ribbon Commands</span> <span>Skip to main content</span></div>
<header class="banner">
<div class="logo"><a href="/congthongtin/">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH THANH HÓA</a></div>
<div class="font">Cỡ chữ (A-) (A) (A+)</div>
</header>
<nav class="menu"><a href="/congthongtin/">Trang chủ</a> <a href="/congthongtin/tin-tuc/xay-dung-dang.aspx">TIN TỨC - SỰ KIỆN</a> <a href="/congthongtin/tin-tuc/kinh-te-xa-hoi.aspx">Kinh tế - Xã hội</a></nav>
<div class="breadcrumb">Trang chủ &gt; Tin tức &gt; Kinh tế - Xã hội</div>
<div class="left">
<h3>Văn bản mới ban hành</h3>
<ul><li>Lịch công tác</li><li>Giấy mời họp</li><li>Thông báo kết luận</li><li>Trả lời công dân</li></ul>
<h3>Liên kết website</h3>
<ul><li>Cổng thông tin điện tử Chính phủ</li><li>Công báo tỉnh Thanh Hóa</li></ul>
</div>
<div class="news-list">
<h1>Kinh tế - Xã hội</h1>
<div class="item">
<a class="title" href="/congthongtin/Pages/2023-6-2/NANG-NONG-GAY-GAT-KEO-DAI-O-CAC-HUYEN-MIEN-NUI-77c0a2.aspx">Nắng nóng gay gắt kéo dài ở các huyện miền núi.</a>
<p class="date">Ngày 02/06/2023 16:20:45</p>
<p>Ngày 2/6, nhiều nơi trong tỉnh có nắng nóng gay gắt, nhiệt độ cao nhất phổ biến 37-39 độ C, có nơi trên 40 độ C.</p>
</div>
<div class="pager"><span>1</span></div>
</div>
<footer class="footer">
<p>THÔNG TIN LIÊN HỆ</p>
<p>Cơ quan chủ quản: Văn phòng UBND tỉnh Thanh Hóa. Địa chỉ: số 35 Đại lộ Lê Lợi, TP Thanh Hóa.</p>
<p>Điện thoại: 0237.3852.218. Email: congthongtin@thanhhoa.gov.vn</p>
<p>Giấy phép số 116/GP-TTĐT. Ban biên tập Cổng thông tin điện tử tỉnh.</p>
</footer>
</body>
</html>
