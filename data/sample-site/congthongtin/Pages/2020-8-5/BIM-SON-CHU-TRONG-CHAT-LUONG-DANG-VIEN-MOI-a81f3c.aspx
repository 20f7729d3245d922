<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bỉm Sơn chú trọng chất lượng đảng viên mới.</title>
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
<h1 class="title">Bỉm Sơn chú trọng chất lượng đảng viên mới.</h1>
<div class="date">Đăng lúc: 05/08/2020 11:43:20 (GMT+7)</div>
<p>6 tháng đầu năm 2020, Đảng bộ thị xã Bỉm Sơn kết nạp 87 đảng viên, đạt 58% kế hoạch năm.</p>
<p>Năm 2020, thị xã được giao chỉ tiêu kết nạp 150 đảng viên. Các chi bộ đang tập trung bồi dưỡng số quần chúng đã học lớp nhận thức về Đảng để kịp xét kết nạp trong quý IV.</p>
<p>Trong nhiệm kỳ 2015-2020, toàn Đảng bộ thị xã kết nạp 812 đảng viên, đạt 108% Nghị quyết Đại hội. Hiện Đảng bộ thị xã có 41 tổ chức cơ sở đảng với 5.106 đảng viên.</p>
<p>Là địa phương có nhiều doanh nghiệp lớn, trong đó có nhà máy xi măng công suất hơn 3 triệu tấn mỗi năm, Bỉm Sơn xác định doanh nghiệp là nguồn đảng viên quan trọng.</p>
<p>Theo Kế hoạch số 120-KH/TU, các chi bộ doanh nghiệp rà soát, lập danh sách quần chúng ưu tú dưới 35 tuổi để đưa vào diện bồi dưỡng.</p>
<p class="author">Lê Hà</p>
</div>
<div class="news-content">
<h1 class="title">Bỉm Sơn chú trọng chất lượng đảng viên mới.</h1>
<div class="date">Đăng lúc: 05/08/2020 11:43:20 (GMT+7)</div>
<p>6 tháng đầu năm 2020, Đảng bộ thị xã Bỉm Sơn kết nạp 87 đảng viên, đạt 58% kế hoạch năm.</p>
<p>Năm 2020, thị xã được giao chỉ tiêu kết nạp 150 đảng viên. Các chi bộ đang tập trung bồi dưỡng số quần chúng đã học lớp nhận thức về Đảng để kịp xét kết nạp trong quý IV.</p>
<p>Trong nhiệm kỳ 2015-2020, toàn Đảng bộ thị xã kết nạp 812 đảng viên, đạt 108% Nghị quyết Đại hội. Hiện Đảng bộ thị xã có 41 tổ chức cơ sở đảng với 5.106 đảng viên.</p>
<p>Là địa phương có nhiều doanh nghiệp lớn, trong đó có nhà máy xi măng công suất hơn 3 triệu tấn mỗi năm, Bỉm Sơn xác định doanh nghiệp là nguồn đảng viên quan trọng.</p>
<p>Theo Kế hoạch số 120-KH/TU, các chi bộ doanh nghiệp rà soát, lập danh sách quần chúng ưu tú dưới 35 tuổi để đưa vào diện bồi dưỡng.</p>
<p class="author">Lê Hà</p>
</div>
<div class="tools"><span>In trang</span> <span>Gửi email</span> <span>Lượt xem: 428</span></div>
<h3>Các tin khác</h3>
<ul>
<li><a href="/congthongtin/Pages/2024-7-16/NONG-CONG-NO-LUC-HOAN-THANH-CHI-TIEU-PHAT-TRIEN-DANG-VIEN-9b71e0.aspx">Nông Cống nỗ lực hoàn thành chỉ tiêu phát triển đảng viên.</a> <span>(Ngày 16/07/2024 08:30:10)</span></li>
<li><a href="/congthongtin/Pages/2023-1-12/THO-XUAN-VUOT-CHI-TIEU-KET-NAP-DANG-VIEN-NAM-2022-5e29b1.aspx">Thọ Xuân vượt chỉ tiêu kết nạp đảng viên năm 2022.</a> <span>(Ngày 12/01/2023 14:05:33)</span></li>
<li><a href="/congthongtin/Pages/2019-11-20/SAM-SON-PHAT-TRIEN-DANG-VIEN-O-KHU-DAN-CU-c40d7e.aspx">Sầm Sơn phát triển đảng viên ở khu dân cư.</a> <span>(Ngày 20/11/2019 09:12:05)</span></li>
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
