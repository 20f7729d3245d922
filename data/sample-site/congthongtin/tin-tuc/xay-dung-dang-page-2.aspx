<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Xây dựng Đảng - Cổng thông tin điện tử tỉnh Thanh Hóa</title>
<style>body{font-family:Tahoma,sans-serif}#print-area{display:none}.banner{background:#b30000;color:#fff}.left{float:left;width:220px}.news-detail{margin-left:240px}</style>
</head>
<body>
<div class="skip"><span>Skip Ribbon Commands</span> <span>Skip to main content</span></div>
<header class="banner">
<div class="logo"><a href="/congthongtin/">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH THANH HÓA</a></div>
<div class="font">Cỡ chữ (A-) (A) (A+)</div>
</header>
<nav class="menu"><a href="/congthongtin/">Trang chủ</a> <a href="/congthongtin/tin-tuc/xay-dung-dang.aspx">TIN TỨC - SỰ KIỆN</a> <a href="/congthongtin/tin-tuc/kinh-te-xa-hoi.aspx">Kinh tế - Xã hội</a></nav>
<div class="breadcrumb">Trang chủ &gt; Tin tức &gt; Xây dựng Đảng</div>
<div class="left">
<h3>Văn bản mới ban hành</h3>
<ul><li>Lịch công tác</li><li>Giấy mời họp</li><li>Thông báo kết luận</li><li>Trả lời công dân</li></ul>
<h3>Liên kết website</h3>
<ul><li>Cổng thông tin điện tử Chính phủ</li><li>Công báo tỉnh Thanh Hóa</li></ul>
</div>
<div class="news-list">
<h1>Xây dựng Đảng</h1>
<div class="item">
<a class="title" href="/congthongtin/Pages/2020-8-5/BIM-SON-CHU-TRONG-CHAT-LUONG-DANG-VIEN-MOI-a81f3c.aspx">Bỉm Sơn chú trọng chất lượng đảng viên mới.</a>
<p class="date">Ngày 05/08/2020 11:43:20</p>
<p>6 tháng đầu năm 2020, Đảng bộ thị xã Bỉm Sơn kết nạp 87 đảng viên, đạt 58% kế hoạch năm.</p>
</div>
<div class="item">
<a class="title" href="/congthongtin/Pages/2019-11-20/SAM-SON-PHAT-TRIEN-DANG-VIEN-O-KHU-DAN-CU-c40d7e.aspx">Sầm Sơn phát triển đảng viên ở khu dân cư.</a>
<p class="date">Ngày 20/11/2019 09:12:05</p>
<p>Từ đầu năm đến nay, Đảng bộ TP Sầm Sơn đã kết nạp 142 đảng viên, trong đó 53 đảng viên sinh hoạt tại chi bộ khu dân cư.</p>
</div>
<div class="pager"><a href="/congthongtin/tin-tuc/xay-dung-dang.aspx">1</a> <span>2</span></div>
</div>
<footer class="footer">
<p>THÔNG TIN LIÊN HỆ</p>
<p>Cơ quan chủ quản: Văn phòng UBND tỉnh Thanh Hóa. Địa chỉ: số 35 Đại lộ Lê Lợi, TP Thanh Hóa.</p>
<p>Điện thoại: 0237.3852.218. Email: congthongtin@thanhhoa.gov.vn</p>
<p>Giấy phép số 116/GP-TTĐT. Ban biên tập Cổng thông tin điện tử tỉnh.</p>
</footer>
</body>
</html>
