<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nắng nóng gay gắt kéo dài ở các huyện miền núi.</title>
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
<div class="news-detail">
<div class="print-version" id="print-area" style="display:none">
<h1 class="title">Nắng nóng gay gắt kéo dài ở các huyện miền núi.</h1>
<div class="date">Đăng lúc: 02/06/2023 16:20:45 (GMT+7)</div>
<p>Ngày 2/6, nhiều nơi trong tỉnh có nắng nóng gay gắt, nhiệt độ cao nhất phổ biến 37-39 độ C, có nơi trên 40 độ C. Độ ẩm thấp nhất 50-55%.</p>
<p>Dự báo đến ngày 5/6 nắng nóng mới giảm dần; lượng mưa ở các huyện ven biển khoảng 20-40 mm.</p>
<p>Ngành điện cho biết công suất tiêu thụ của tỉnh trong ngày đạt 1.250 MW, tăng khoảng 12% so với ngày thường.</p>
<p class="author">Minh Hiếu</p>
</div>
<div class="news-content">
<h1 class="title">Nắng nóng gay gắt kéo dài ở các huyện miền núi.</h1>
<div class="date">Đăng lúc: 02/06/2023 16:20:45 (GMT+7)</div>
<p>Ngày 2/6, nhiều nơi trong tỉnh có nắng nóng gay gắt, nhiệt độ cao nhất phổ biến 37-39 độ C, có nơi trên 40 độ C. Độ ẩm thấp nhất 50-55%.</p>
<p>Dự báo đến ngày 5/6 nắng nóng mới giảm dần; lượng mưa ở các huyện ven biển khoảng 20-40 mm.</p>
<p>Ngành điện cho biết công suất tiêu thụ của tỉnh trong ngày đạt 1.250 MW, tăng khoảng 12% so với ngày thường.</p>
<p class="author">Minh Hiếu</p>
</div>
<div class="tools"><span>In trang</span> <span>Gửi email</span> <span>Lượt xem: 428</span></div>
<h3>Các tin khác</h3>
<ul>

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
