<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Thọ Xuân vượt chỉ tiêu kết nạp đảng viên năm 2022.</title>
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
<h1 class="title">Thọ Xuân vượt chỉ tiêu kết nạp đảng viên năm 2022.</h1>
<div class="date">Đăng lúc: 12/01/2023 14:05:33 (GMT+7)</div>
<p>Năm 2022, toàn huyện Thọ Xuân kết nạp 310 đảng viên, đạt 103,3% chỉ tiêu, trong đó xã Xuân Lai 20, xã Thọ Lâm 15, xã Thọ Lập 12 đảng viên.</p>
<p>Chỉ tiêu tỉnh giao cho huyện năm 2022 là 300 đảng viên. Đáng chú ý, huyện đã kết nạp 4 đảng viên là người theo đạo Công giáo ở các xã vùng giáo.</p>
<p>Trong năm, 614 quần chúng ưu tú được học lớp nhận thức về Đảng tại Trung tâm Chính trị huyện. Hiện nay, 172/214 thôn, khu phố của huyện đã có chi bộ riêng; số còn lại sinh hoạt ghép.</p>
<p>Đảng bộ huyện hiện có 71 tổ chức cơ sở đảng với 12.480 đảng viên.</p>
<p>Năm 2023, huyện phấn đấu kết nạp 320 đảng viên; đồng thời hỗ trợ gần 900 hộ chuyển sang trồng mía công nghệ cao với tổng kinh phí 18 tỷ đồng.</p>
<p class="author">Hoàng Lâm</p>
</div>
<div class="news-content">
<h1 class="title">Thọ Xuân vượt chỉ tiêu kết nạp đảng viên năm 2022.</h1>
<div class="date">Đăng lúc: 12/01/2023 14:05:33 (GMT+7)</div>
<p>Năm 2022, toàn huyện Thọ Xuân kết nạp 310 đảng viên, đạt 103,3% chỉ tiêu, trong đó xã Xuân Lai 20, xã Thọ Lâm 15, xã Thọ Lập 12 đảng viên.</p>
<p>Chỉ tiêu tỉnh giao cho huyện năm 2022 là 300 đảng viên. Đáng chú ý, huyện đã kết nạp 4 đảng viên là người theo đạo Công giáo ở các xã vùng giáo.</p>
<p>Trong năm, 614 quần chúng ưu tú được học lớp nhận thức về Đảng tại Trung tâm Chính trị huyện. Hiện nay, 172/214 thôn, khu phố của huyện đã có chi bộ riêng; số còn lại sinh hoạt ghép.</p>
<p>Đảng bộ huyện hiện có 71 tổ chức cơ sở đảng với 12.480 đảng viên.</p>
<p>Năm 2023, huyện phấn đấu kết nạp 320 đảng viên; đồng thời hỗ trợ gần 900 hộ chuyển sang trồng mía công nghệ cao với tổng kinh phí 18 tỷ đồng.</p>
<p class="author">Hoàng Lâm</p>
</div>
<div class="tools"><span>In trang</span> <span>Gửi email</span> <span>Lượt xem: 428</span></div>
<h3>Các tin khác</h3>
<ul>
<li><a href="/congthongtin/Pages/2024-7-16/NONG-CONG-NO-LUC-HOAN-THANH-CHI-TIEU-PHAT-TRIEN-DANG-VIEN-9b71e0.aspx">Nông Cống nỗ lực hoàn thành chỉ tiêu phát triển đảng viên.</a> <span>(Ngày 16/07/2024 08:30:10)</span></li>
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
