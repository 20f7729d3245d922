<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nông Cống nỗ lực hoàn thành chỉ tiêu phát triển đảng viên.</title>
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
<h1 class="title">Nông Cống nỗ lực hoàn thành chỉ tiêu phát triển đảng viên.</h1>
<div class="date">Đăng lúc: 16/07/2024 08:30:10 (GMT+7)</div>
<p>Nửa đầu năm 2024, Đảng bộ huyện Nông Cống kết nạp 138/260 đảng viên theo kế hoạch năm.</p>
<p>Xã Tượng Văn là điểm sáng của huyện. Từ năm 2020 đến nay, mỗi năm Đảng bộ xã kết nạp 10-12 đảng viên, chủ yếu là thanh niên và chủ trang trại. Đảng ủy xã hiện có 19 chi bộ trực thuộc với 436 đảng viên.</p>
<p>Toàn huyện hiện có 9.870 đảng viên, trong đó đảng viên nữ chiếm 38,5%.</p>
<p>Bí thư Chi bộ thôn 5 cho biết, tháng trước chi bộ đã giới thiệu 3 quần chúng đi học lớp nhận thức về Đảng.</p>
<p>Huyện phấn đấu hoàn thành kế hoạch năm trong quý III, cùng với 25 km đường giao thông nông thôn có tổng vốn 40 tỷ đồng.</p>
<p class="author">Trịnh Quang</p>
</div>
<div class="news-content">
<h1 class="title">Nông Cống nỗ lực hoàn thành chỉ tiêu phát triển đảng viên.</h1>
<div class="date">Đăng lúc: 16/07/2024 08:30:10 (GMT+7)</div>
<p>Nửa đầu năm 2024, Đảng bộ huyện Nông Cống kết nạp 138/260 đảng viên theo kế hoạch năm.</p>
<p>Xã Tượng Văn là điểm sáng của huyện. Từ năm 2020 đến nay, mỗi năm Đảng bộ xã kết nạp 10-12 đảng viên, chủ yếu là thanh niên và chủ trang trại. Đảng ủy xã hiện có 19 chi bộ trực thuộc với 436 đảng viên.</p>
<p>Toàn huyện hiện có 9.870 đảng viên, trong đó đảng viên nữ chiếm 38,5%.</p>
<p>Bí thư Chi bộ thôn 5 cho biết, tháng trước chi bộ đã giới thiệu 3 quần chúng đi học lớp nhận thức về Đảng.</p>
<p>Huyện phấn đấu hoàn thành kế hoạch năm trong quý III, cùng với 25 km đường giao thông nông thôn có tổng vốn 40 tỷ đồng.</p>
<p class="author">Trịnh Quang</p>
</div>
<div class="tools"><span>In trang</span> <span>Gửi email</span> <span>Lượt xem: 428</span></div>
<h3>Các tin khác</h3>
<ul>
<li><a href="/congthongtin/Pages/2023-1-12/THO-XUAN-VUOT-CHI-TIEU-KET-NAP-DANG-VIEN-NAM-2022-5e29b1.aspx">Thọ Xuân vượt chỉ tiêu kết nạp đảng viên năm 2022.</a> <span>(Ngày 12/01/2023 14:05:33)</span></li>
<li><a href="/congthongtin/Pages/2020-8-5/BIM-SON-CHU-TRONG-CHAT-LUONG-DANG-VIEN-MOI-a81f3c.aspx">Bỉm Sơn chú trọng chất lượng đảng viên mới.</a> <span>(Ngày 05/08/2020 11:43:20)</span></li>
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
