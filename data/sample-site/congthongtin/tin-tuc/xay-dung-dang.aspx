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
<a class="title" href="/congthongtin/Pages/2024-7-16/NONG-CONG-NO-LUC-HOAN-THANH-CHI-TIEU-PHAT-TRIEN-DANG-VIEN-9b71e0.aspx">Nông Cống nỗ lực hoàn thành chỉ tiêu phát triển đảng viên.</a>
<p class="date">Ngày 16/07/2024 08:30:10</p>
<p>Nửa đầu năm 2024, Đảng bộ huyện Nông Cống kết nạp 138/260 đảng viên theo kế hoạch năm.</p>
</div>
<div class="item">
<a class="title" href="/congthongtin/Pages/2023-1-12/THO-XUAN-VUOT-CHI-TIEU-KET-NAP-DANG-VIEN-NAM-2022-5e29b1.aspx">Thọ Xuân vượt chỉ tiêu kết nạp đảng viên năm 2022.</a>
<p class="date">Ngày 12/01/2023 14:05:33</p>
<p>Năm 2022, toàn huyện Thọ Xuân kết nạp 310 đảng viên, đạt 103,3% chỉ tiêu, trong đó xã Xuân Lai 20, xã Thọ Lâm 15, xã Thọ Lập 12 đảng viên.</p>
</div>
<div class="pager"><span>1</span> <a href="/congthongtin/tin-tuc/xay-dung-dang.aspx?page=2">2</a></div>
</div>
<footer class="footer">
<p>THÔNG TIN LIÊN HỆ</p>
<p>Cơ quan chủ quản: Văn phòng UBND tỉnh Thanh Hóa. Địa chỉ: số 35 Đại lộ Lê Lợi, TP Thanh Hóa.</p>
<p>Điện thoại: 0237.3852.218. Email: congthongtin@thanhhoa.gov.vn</p>
<p>Giấy phép số 116/GP-TTĐT. Ban biên tập Cổng thông tin điện tử tỉnh.</p>
</footer>
</body>
</html>
