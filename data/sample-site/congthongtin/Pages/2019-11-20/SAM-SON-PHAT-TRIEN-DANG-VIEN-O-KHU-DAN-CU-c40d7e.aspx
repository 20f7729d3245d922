<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sầm Sơn phát triển đảng viên ở khu dân cư.</title>
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
<div class="news-detail">
<div class="print-version" id="print-area" style="display:none">
<h1 class="title">Sầm Sơn phát triển đảng viên ở khu dân cư.</h1>
<div class="date">Đăng lúc: 20/11/2019 09:12:05 (GMT+7)</div>
<p>Từ đầu năm đến nay, Đảng bộ TP Sầm Sơn đã kết nạp 142 đảng viên, trong đó 53 đảng viên sinh hoạt tại chi bộ khu dân cư.</p>
<p>Hiện nay, toàn thành phố có 146 chi bộ khu dân cư; 100% tổ dân phố, thôn đều có chi bộ.</p>
<p>Phường Quảng Tiến năm nay kết nạp 10 đảng viên, hoàn thành chỉ tiêu trước hai tháng.</p>
<p>Mùa du lịch năm 2019, Sầm Sơn đón khoảng 5,2 triệu lượt khách, doanh thu ước đạt 10.500 tỷ đồng. Nhiều đảng viên trẻ ở khu dân cư là chủ cơ sở lưu trú, dịch vụ.</p>
<p>Năm 2020, Thành ủy đặt mục tiêu kết nạp từ 160 đảng viên trở lên.</p>
<p class="author">Ngọc Anh</p>
</div>
<div class="news-content">
<h1 class="title">Sầm Sơn phát triển đảng viên ở khu dân cư.</h1>
<div class="date">Đăng lúc: 20/11/2019 09:12:05 (GMT+7)</div>
<p>Từ đầu năm đến nay, Đảng bộ TP Sầm Sơn đã kết nạp 142 đảng viên, trong đó 53 đảng viên sinh hoạt tại chi bộ khu dân cư.</p>
<p>Hiện nay, toàn thành phố có 146 chi bộ khu dân cư; 100% tổ dân phố, thôn đều có chi bộ.</p>
<p>Phường Quảng Tiến năm nay kết nạp 10 đảng viên, hoàn thành chỉ tiêu trước hai tháng.</p>
<p>Mùa du lịch năm 2019, Sầm Sơn đón khoảng 5,2 triệu lượt khách, doanh thu ước đạt 10.500 tỷ đồng. Nhiều đảng viên trẻ ở khu dân cư là chủ cơ sở lưu trú, dịch vụ.</p>
<p>Năm 2020, Thành ủy đặt mục tiêu kết nạp từ 160 đảng viên trở lên.</p>
<p class="author">Ngọc Anh</p>
</div>
<div class="tools"><span>In trang</span> <span>Gửi email</span> <span>Lượt xem: 428</span></div>
<h3>Các tin khác</h3>
<ul>
<li><a href="/congthongtin/Pages/2024-7-16/NONG-CONG-NO-LUC-HOAN-THANH-CHI-TIEU-PHAT-TRIEN-DANG-VIEN-9b71e0.aspx">Nông Cống nỗ lực hoàn thành chỉ tiêu phát triển đảng viên.</a> <span>(Ngày 16/07/2024 08:30:10)</span></li>
<li><a href="/congthongtin/Pages/2023-1-12/THO-XUAN-VUOT-CHI-TIEU-KET-NAP-DANG-VIEN-NAM-2022-5e29b1.aspx">Thọ Xuân vượt chỉ tiêu kết nạp đảng viên năm 2022.</a> <span>(Ngày 12/01/2023 14:05:33)</span></li>
<li><a href="/congthongtin/Pages/2020-8-5/BIM-SON-CHU-TRONG-CHAT-LUONG-DANG-VIEN-MOI-a81f3c.aspx">Bỉm Sơn chú trọng chất lượng đảng viên mới.</a> <span>(Ngày 05/08/2020 11:43:20)</span></li>
</ul>
</div>
<footer class="footer">
<p>THÔNG TIN LIÊN HỆ</p>
<p>Cơ quan chủ quản: Văn phòng UBND tỉnh Thanh Hóa. Địa chỉ: số 35 Đại lộ Lê Lợi, TP Thanh Hóa.</p>
<p>Điện thoại: 0237.3852.218. Email: congthongtin@thanhhoa.gov.vn</p>
<p>Giấy phép số 116/GP-TTĐT. Ban biên tập Cổng thông tin điện tử tỉnh.</p>
</footer>
</body>
</html>
