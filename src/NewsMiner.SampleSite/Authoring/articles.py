# -*- coding: utf-8 -*-
# Article content for the NewsMiner sample site. All text written for the project.

def F(metric, value, ev, period, d=None, c=None, u=None, seg=None, q='exact', vmax=None, py=False, prov=None):
    return dict(metric=metric, segment=seg, value=value, value_max=vmax, qualifier=q, per_year=py,
                period=period, _loc=(prov, d, c, u), evidence=ev)

def N(text, why):
    return dict(text=text, why=why)

IMG = 'IMG:'

ARTICLES = []

def A(**kw):
    ARTICLES.append(kw)

# ---------------------------------------------------------------- (a) baotinh, Quảng Ninh
A(key='A1', kind='baotinh', province='Quảng Ninh', section='xay-dung-dang',
  path='/baotinh/chinh-tri/xay-dung-dang/201702/dong-trieu-cham-lo-nguon-dang-vien-tu-khu-dan-cu-2333001/',
  when='2017-02-24 06:59', author='Minh Đức',
  title='Đông Triều chăm lo nguồn đảng viên từ khu dân cư',
  sapo='Coi phát triển đảng viên là việc thường xuyên của từng chi bộ, năm 2016 Đảng bộ thị xã Đông Triều tiếp tục hoàn thành vượt kế hoạch đề ra.',
  body=[
    'Năm 2016, Đảng bộ thị xã Đông Triều tiếp tục xem công tác phát triển đảng viên là nhiệm vụ trọng tâm của cấp ủy các cấp. Nhờ cách làm bài bản, cả năm toàn Đảng bộ kết nạp được 318 đảng viên mới, đạt 106% chỉ tiêu được giao.',
    IMG + 'Lãnh đạo Thị ủy Đông Triều (thứ 3, từ trái sang) trao quyết định kết nạp Đảng cho quần chúng ưu tú tại phường Mạo Khê.',
    'Theo Ban Tổ chức Thị ủy, với kết quả đó, tổng số đảng viên của Đảng bộ thị xã tăng lên 7.942 đồng chí, sinh hoạt tại 52 tổ chức cơ sở đảng. Công tác bồi dưỡng cũng được chú trọng: 405 quần chúng ưu tú đã học lớp bồi dưỡng nhận thức về Đảng, 296 đảng viên mới được học chương trình dành cho đảng viên mới.',
    'Phường Mạo Khê là một trong những đơn vị dẫn đầu. Năm 2016, Đảng bộ phường kết nạp 24 đảng viên, trong đó 15 người sinh hoạt ở các khu dân cư. Hiện Đảng bộ phường có 612 đảng viên, với 11 chi bộ khu dân cư và 8 chi bộ cơ quan, trường học.',
    'Ở xã An Sinh, địa bàn có nhiều thôn xa trung tâm, chi bộ các thôn phân công đảng viên kèm cặp từng quần chúng. Nhờ vậy, năm qua xã đã kết nạp 9 quần chúng ưu tú vào Đảng, phần lớn là thanh niên từ 22 đến 30 tuổi vừa hoàn thành nghĩa vụ quân sự.',
    'Bên cạnh công tác xây dựng Đảng, thị xã đang triển khai Nghị quyết số 08-NQ/TU của Tỉnh ủy về phát triển du lịch văn hóa, tâm linh, với tổng mức đầu tư hơn 30 tỷ đồng cho khu di tích trên diện tích khoảng 12 ha.',
    'Năm 2017, Thị ủy Đông Triều phấn đấu kết nạp 330 đảng viên, trong đó chú trọng nguồn từ khu dân cư và doanh nghiệp ngoài nhà nước.',
  ],
  figures=[
    F('new_members', 318, 'toàn Đảng bộ kết nạp được 318 đảng viên mới', '2016', d='Đông Triều'),
    F('target_attainment_pct', 106, 'đạt 106% chỉ tiêu được giao', '2016', d='Đông Triều'),
    F('total_members', 7942, 'tổng số đảng viên của Đảng bộ thị xã tăng lên 7.942', '2016', d='Đông Triều'),
    F('grassroots_orgs', 52, 'sinh hoạt tại 52 tổ chức cơ sở đảng', '2016', d='Đông Triều'),
    F('awareness_trainees', 405, '405 quần chúng ưu tú đã học lớp bồi dưỡng nhận thức', '2016', d='Đông Triều'),
    F('new_member_trainees', 296, '296 đảng viên mới được học chương trình dành cho đảng viên', '2016', d='Đông Triều'),
    F('new_members', 24, 'Đảng bộ phường kết nạp 24 đảng viên', '2016', d='Đông Triều', c='Mạo Khê'),
    F('new_members', 15, 'trong đó 15 người sinh hoạt ở các khu dân cư', '2016', d='Đông Triều', c='Mạo Khê', seg='khu_dan_cu'),
    F('total_members', 612, 'Hiện Đảng bộ phường có 612 đảng viên', '2017-02-24', d='Đông Triều', c='Mạo Khê'),
    F('party_cells', 11, 'với 11 chi bộ khu dân cư', '2017-02-24', d='Đông Triều', c='Mạo Khê', seg='khu_dan_cu'),
    F('new_members', 9, 'xã đã kết nạp 9 quần chúng ưu tú vào Đảng', '2016', d='Đông Triều', c='An Sinh'),
    F('new_members_target', 330, 'Thị ủy Đông Triều phấn đấu kết nạp 330 đảng viên', '2017', d='Đông Triều'),
  ],
  negatives=[
    N('Thứ Sáu, 24/02/2017, 06:59 [GMT+7]', 'publication date line'),
    N('(thứ 3, từ trái sang)', 'position in a photo caption'),
    N('8 chi bộ cơ quan, trường học', 'chi bộ by sector: no schema segment'),
    N('từ 22 đến 30 tuổi', 'ages (a range that is not a count)'),
    N('Nghị quyết số 08-NQ/TU', 'document number'),
    N('hơn 30 tỷ đồng', 'money'),
    N('khoảng 12 ha', 'area in hectares'),
  ])

A(key='A2', kind='baotinh', province='Quảng Ninh', section='xay-dung-dang',
  path='/baotinh/chinh-tri/xay-dung-dang/201701/cong-tac-phat-trien-dang-vien-nam-2016-vuot-ke-hoach-2331874/',
  when='2017-01-10 15:20', author='Thu Hằng',
  title='Công tác phát triển đảng viên năm 2016 vượt kế hoạch',
  sapo='Hội nghị tổng kết công tác tổ chức xây dựng Đảng của tỉnh cho thấy số đảng viên mới năm 2016 vượt kế hoạch ở hầu hết các địa phương.',
  body=[
    'Chiều 9/1, Ban Tổ chức Tỉnh ủy tổ chức hội nghị tổng kết công tác tổ chức xây dựng Đảng năm 2016 và triển khai nhiệm vụ năm 2017.',
    'Năm qua, toàn Đảng bộ tỉnh kết nạp được 3.512 đảng viên, đạt 106,4% kế hoạch; chỉ tiêu giao 3.300 đảng viên.',
    IMG + 'Quang cảnh hội nghị tổng kết công tác tổ chức xây dựng Đảng năm 2016.',
    'Trong số đảng viên mới, thị xã Đông Triều kết nạp 318, TP Hạ Long 604, TP Cẩm Phả 455, TP Uông Bí 287 và thị xã Quảng Yên 263 đảng viên.',
    'Đến cuối năm 2016, Đảng bộ tỉnh có gần 103 nghìn đảng viên, sinh hoạt tại 25 đảng bộ trực thuộc. Tỷ lệ đảng viên nữ chiếm 35,2%, đảng viên là người dân tộc thiểu số chiếm khoảng 4%.',
    'Năm 2017, Tỉnh ủy đề ra mục tiêu kết nạp 3.400 đảng viên; riêng khối doanh nghiệp ngoài nhà nước phấn đấu kết nạp khoảng 150 đảng viên.',
    'Dịp này, 12 tập thể và 27 cá nhân được Ban Thường vụ Tỉnh ủy tặng bằng khen vì có thành tích xuất sắc trong công tác tổ chức xây dựng Đảng.',
  ],
  figures=[
    F('new_members', 3512, 'toàn Đảng bộ tỉnh kết nạp được 3.512 đảng viên', '2016'),
    F('target_attainment_pct', 106.4, 'đạt 106,4% kế hoạch', '2016'),
    F('new_members_target', 3300, 'chỉ tiêu giao 3.300 đảng viên', '2016'),
    F('new_members', 318, 'thị xã Đông Triều kết nạp 318', '2016', d='Đông Triều'),
    F('new_members', 604, 'TP Hạ Long 604', '2016', d='Hạ Long'),
    F('new_members', 455, 'TP Cẩm Phả 455', '2016', d='Cẩm Phả'),
    F('new_members', 287, 'TP Uông Bí 287', '2016', d='Uông Bí'),
    F('new_members', 263, 'thị xã Quảng Yên 263 đảng viên', '2016', d='Quảng Yên'),
    F('total_members', 103000, 'Đảng bộ tỉnh có gần 103 nghìn đảng viên', '2016-12-31', q='nearly'),
    F('member_share_pct', 35.2, 'Tỷ lệ đảng viên nữ chiếm 35,2%', '2016-12-31', seg='nu'),
    F('member_share_pct', 4, 'người dân tộc thiểu số chiếm khoảng 4%', '2016-12-31', seg='dan_toc_thieu_so', q='about'),
    F('new_members_target', 3400, 'Tỉnh ủy đề ra mục tiêu kết nạp 3.400 đảng viên', '2017'),
    F('new_members_target', 150, 'phấn đấu kết nạp khoảng 150 đảng viên', '2017', seg='doanh_nghiep', q='about'),
  ],
  negatives=[
    N('Chiều 9/1', 'date'),
    N('25 đảng bộ trực thuộc', "a province's district-level committees are not grassroots_orgs"),
    N('12 tập thể và 27 cá nhân', 'awards'),
  ])

A(key='A3', kind='baotinh', province='Quảng Ninh', section='xay-dung-dang',
  path='/baotinh/chinh-tri/xay-dung-dang/201807/uong-bi-go-kho-phat-trien-dang-trong-doanh-nghiep-2391245/',
  when='2018-07-05 08:15', author='Hoàng Nga',
  title='Uông Bí: Gỡ khó phát triển đảng trong doanh nghiệp',
  sapo='Thành ủy Uông Bí chọn khối doanh nghiệp làm địa bàn trọng điểm tạo nguồn đảng viên trong năm 2018.',
  body=[
    'Sáu tháng đầu năm 2018, Đảng bộ TP Uông Bí kết nạp 126 đảng viên mới, riêng khối doanh nghiệp kết nạp 41 đảng viên. So với cùng kỳ năm trước, số đảng viên mới trong doanh nghiệp tăng gần gấp đôi.',
    IMG + 'Công nhân một đơn vị khai thác than trao đổi kinh nghiệm sản xuất trong giờ nghỉ giữa ca.',
    'Anh Phạm Văn Long, 35 tuổi, thợ lò Phân xưởng Khai thác 3, là một trong những người vừa được kết nạp. Anh cho biết, mỗi tháng tổ của anh đào được khoảng 1.100 mét lò và chưa để xảy ra sự cố mất an toàn nào.',
    'Hiện Đảng bộ thành phố có 9.015 đảng viên, sinh hoạt tại 84 chi, đảng bộ cơ sở trực thuộc; đảng viên nữ chiếm 41,6%.',
    'Thành ủy Uông Bí phấn đấu cả năm 2018 kết nạp 260 đảng viên. Để đạt mục tiêu, Thành ủy giao Ban Tổ chức phối hợp với các doanh nghiệp có doanh thu trên 2.500 tỷ đồng mỗi năm rà soát nguồn, tập trung vào lực lượng công nhân trẻ.',
  ],
  figures=[
    F('new_members', 126, 'Đảng bộ TP Uông Bí kết nạp 126 đảng viên mới', '2018-01/2018-06', d='Uông Bí'),
    F('new_members', 41, 'khối doanh nghiệp kết nạp 41 đảng viên', '2018-01/2018-06', d='Uông Bí', seg='doanh_nghiep'),
    F('total_members', 9015, 'Hiện Đảng bộ thành phố có 9.015 đảng viên', '2018-07-05', d='Uông Bí'),
    F('grassroots_orgs', 84, 'sinh hoạt tại 84 chi, đảng bộ cơ sở trực thuộc', '2018-07-05', d='Uông Bí'),
    F('member_share_pct', 41.6, 'đảng viên nữ chiếm 41,6%', '2018-07-05', d='Uông Bí', seg='nu'),
    F('new_members_target', 260, 'phấn đấu cả năm 2018 kết nạp 260 đảng viên', '2018', d='Uông Bí'),
  ],
  negatives=[
    N('35 tuổi', 'age'),
    N('Phân xưởng Khai thác 3', 'part of a unit name'),
    N('khoảng 1.100 mét lò', 'length of tunnel dug'),
    N('trên 2.500 tỷ đồng mỗi năm', 'money per year'),
  ])

A(key='A4', kind='baotinh', province='Quảng Ninh', section='xay-dung-dang',
  path='/baotinh/chinh-tri/xay-dung-dang/201912/cam-pha-hoan-thanh-som-ke-hoach-phat-trien-dang-vien-2456310/',
  when='2019-12-06 07:30', author='Quang Minh',
  title='Cẩm Phả hoàn thành sớm kế hoạch phát triển đảng viên',
  sapo='Trước một tháng, Đảng bộ TP Cẩm Phả đã cán đích kế hoạch kết nạp đảng viên của năm 2019.',
  body=[
    'Tính đến hết tháng 11/2019, Đảng bộ TP Cẩm Phả đã kết nạp 402 đảng viên, đạt 100,5% kế hoạch năm.',
    'Từ đầu năm, thành phố đã tổ chức 12 lớp bồi dưỡng nhận thức về Đảng với 1.046 học viên là quần chúng ưu tú; 391 đảng viên mới được bồi dưỡng qua 8 lớp.',
    IMG + 'Một buổi học của lớp bồi dưỡng nhận thức về Đảng tại phường Cẩm Trung.',
    'Phường Cẩm Trung là đơn vị có nhiều cách làm mới. Năm nay, Đảng bộ phường kết nạp 15 đảng viên, trong đó có 6 đoàn viên thanh niên; nâng số đảng viên toàn phường lên 498.',
    'Phường hiện có khoảng 1.200 hộ làm nghề mỏ; nhiều gia đình có hai, ba thế hệ là thợ mỏ và đều là đảng viên.',
    'Năm 2020, Thành ủy Cẩm Phả giao chỉ tiêu kết nạp 410 đảng viên cho các tổ chức cơ sở đảng.',
  ],
  figures=[
    F('new_members', 402, 'Đảng bộ TP Cẩm Phả đã kết nạp 402 đảng viên', '2019-01/2019-11', d='Cẩm Phả'),
    F('target_attainment_pct', 100.5, 'đạt 100,5% kế hoạch năm', '2019-01/2019-11', d='Cẩm Phả'),
    F('awareness_trainees', 1046, 'bồi dưỡng nhận thức về Đảng với 1.046 học viên', '2019-01/2019-11', d='Cẩm Phả'),
    F('new_member_trainees', 391, '391 đảng viên mới được bồi dưỡng qua 8 lớp', '2019-01/2019-11', d='Cẩm Phả'),
    F('new_members', 15, 'Đảng bộ phường kết nạp 15 đảng viên', '2019-01/2019-12', d='Cẩm Phả', c='Cẩm Trung'),
    F('new_members', 6, 'trong đó có 6 đoàn viên thanh niên', '2019-01/2019-12', d='Cẩm Phả', c='Cẩm Trung', seg='doan_vien'),
    F('total_members', 498, 'nâng số đảng viên toàn phường lên 498', '2019-12-06', d='Cẩm Phả', c='Cẩm Trung'),
    F('new_members_target', 410, 'giao chỉ tiêu kết nạp 410 đảng viên', '2020', d='Cẩm Phả'),
  ],
  negatives=[
    N('tháng 11/2019', 'cut-off date'),
    N('tổ chức 12 lớp', 'number of classes'),
    N('khoảng 1.200 hộ', 'households'),
  ])

A(key='A5', kind='baotinh', province='Quảng Ninh', section='xay-dung-dang',
  path='/baotinh/chinh-tri/xay-dung-dang/202103/quang-yen-phat-trien-dang-vien-gan-voi-nang-cao-chat-luong-2518842/',
  when='2021-03-18 10:05', author='Thanh Tùng',
  title='Quảng Yên: Phát triển đảng viên gắn với nâng cao chất lượng',
  sapo='Bước vào nhiệm kỳ mới, Đảng bộ thị xã Quảng Yên đặt mục tiêu cao hơn cho công tác phát triển đảng viên.',
  body=[
    'Trong nhiệm kỳ 2015-2020, Đảng bộ thị xã Quảng Yên kết nạp 1.436 đảng viên, bình quân mỗi năm gần 290 đảng viên.',
    'Nghị quyết Đại hội Đảng bộ thị xã lần thứ XXIII, nhiệm kỳ 2020-2025 đặt mục tiêu mỗi năm kết nạp từ 250 đến 300 đảng viên.',
    IMG + 'Đảng viên chi bộ khu phố 4, phường Quảng Yên tham gia dọn vệ sinh môi trường.',
    'Đến nay, Đảng bộ thị xã có 6.780 đảng viên, sinh hoạt ở 47 tổ chức cơ sở đảng. Từ đầu năm 2021 đến nay, các cơ sở đã kết nạp 58 đảng viên.',
    'Thị xã cũng đang triển khai dự án nuôi trồng thủy sản trên diện tích gần 4.000 ha ở vùng bãi triều, thu hút hơn 1.500 lao động.',
  ],
  figures=[
    F('new_members', 1436, 'Đảng bộ thị xã Quảng Yên kết nạp 1.436 đảng viên', '2015-2020', d='Quảng Yên'),
    F('new_members', 290, 'bình quân mỗi năm gần 290 đảng viên', '2015-2020', d='Quảng Yên', q='nearly', py=True),
    F('new_members_target', 250, 'mỗi năm kết nạp từ 250 đến 300 đảng viên', '2020-2025', d='Quảng Yên', q='range', vmax=300, py=True),
    F('total_members', 6780, 'Đảng bộ thị xã có 6.780 đảng viên', '2021-03-18', d='Quảng Yên'),
    F('grassroots_orgs', 47, 'sinh hoạt ở 47 tổ chức cơ sở đảng', '2021-03-18', d='Quảng Yên'),
    F('new_members', 58, 'các cơ sở đã kết nạp 58 đảng viên', '2021-01/2021-03', d='Quảng Yên'),
  ],
  negatives=[
    N('khu phố 4', 'part of a place name'),
    N('gần 4.000 ha', 'area'),
    N('hơn 1.500 lao động', 'workers, not party members'),
  ])

A(key='A6', kind='baotinh', province='Quảng Ninh', section='xay-dung-dang',
  path='/baotinh/chinh-tri/xay-dung-dang/202401/ha-long-chu-trong-ket-nap-dang-vien-la-hoc-sinh-2611507/',
  when='2024-01-15 16:40', author='Mai Lan',
  title='Hạ Long: Chú trọng kết nạp đảng viên là học sinh',
  sapo='Việc kết nạp học sinh THPT vào Đảng ở TP Hạ Long được làm chặt chẽ, bắt đầu từ khâu phát hiện trong các chi đoàn.',
  body=[
    'Năm 2023, Đảng bộ TP Hạ Long kết nạp 512 đảng viên, trong đó có 31 học sinh THPT. Đây là năm thứ ba liên tiếp thành phố có học sinh được kết nạp vào Đảng.',
    'Riêng Chi bộ Trường THPT Hòn Gai kết nạp 7 học sinh, đều là những em có thành tích học tập xuất sắc và tích cực trong công tác Đoàn.',
    IMG + 'Em Nguyễn Minh Anh (bên phải), học sinh lớp 12A1, trong lễ kết nạp Đảng.',
    'Toàn thành phố hiện có khoảng 72 nghìn học sinh các cấp, trong đó hơn 14.000 em đang học THPT.',
    'Kết quả trên góp phần nâng tổng số đảng viên của Đảng bộ thành phố lên 27.350 đồng chí. Năm 2024, Thành ủy phấn đấu kết nạp trên 500 đảng viên.',
  ],
  figures=[
    F('new_members', 512, 'Đảng bộ TP Hạ Long kết nạp 512 đảng viên', '2023', d='Hạ Long'),
    F('new_members', 31, 'trong đó có 31 học sinh THPT', '2023', d='Hạ Long', seg='hoc_sinh'),
    F('new_members', 7, 'Chi bộ Trường THPT Hòn Gai kết nạp 7 học sinh', '2023', d='Hạ Long', u='Trường THPT Hòn Gai', seg='hoc_sinh'),
    F('total_members', 27350, 'nâng tổng số đảng viên của Đảng bộ thành phố lên 27.350', '2023', d='Hạ Long'),
    F('new_members_target', 500, 'Thành ủy phấn đấu kết nạp trên 500 đảng viên', '2024', d='Hạ Long', q='more_than'),
  ],
  negatives=[
    N('lớp 12A1', 'school class name'),
    N('khoảng 72 nghìn học sinh', 'pupils, not party members'),
    N('hơn 14.000 em', 'pupils, not party members'),
  ])

A(key='U1', kind='baotinh', province='Quảng Ninh', section='the-thao',
  path='/baotinh/the-thao/201905/than-quang-ninh-thang-dam-tren-san-cam-pha-2432115/',
  when='2019-05-20 21:45', author='Đức Anh',
  title='Than Quảng Ninh thắng đậm trên sân nhà',
  sapo='Đội bóng đất mỏ có chiến thắng thứ năm của mùa giải trước sự cổ vũ của đông đảo khán giả.',
  body=[
    'Tối 19/5, trên sân Cẩm Phả, Than Quảng Ninh đánh bại đội khách với tỷ số 3-1 ở vòng 10 V.League 2019.',
    'Khoảng 12.000 khán giả đã đến sân cổ vũ. Bàn mở tỷ số đến ở phút 17, trước khi đội khách gỡ hòa 1-1 ở phút 40.',
    IMG + 'Các cầu thủ Than Quảng Ninh ăn mừng bàn thắng thứ ba.',
    'Sang hiệp hai, đội chủ nhà ghi thêm hai bàn ở các phút 67 và 88. Với 3 điểm giành được, Than Quảng Ninh có 17 điểm sau 10 trận, xếp thứ 5 trên bảng xếp hạng.',
    'Cầu thủ ghi bàn thứ hai năm nay 24 tuổi, đã có 4 bàn thắng từ đầu mùa.',
  ],
  figures=[],
  negatives=[
    N('tỷ số 3-1', 'match score (looks like a range)'),
    N('Khoảng 12.000 khán giả', 'spectators'),
    N('gỡ hòa 1-1 ở phút 40', 'score and minute'),
    N('17 điểm sau 10 trận', 'league points'),
    N('24 tuổi', 'age'),
  ])

# ---------------------------------------------------------------- (b) congthongtin, Thanh Hóa
A(key='B1', kind='congthongtin', province='Thanh Hóa', section='xay-dung-dang',
  path='/congthongtin/Pages/2020-8-5/BIM-SON-CHU-TRONG-CHAT-LUONG-DANG-VIEN-MOI-a81f3c.aspx',
  when='2020-08-05 11:43:20', author='Lê Hà',
  title='Bỉm Sơn chú trọng chất lượng đảng viên mới.',
  body=[
    '6 tháng đầu năm 2020, Đảng bộ thị xã Bỉm Sơn kết nạp 87 đảng viên, đạt 58% kế hoạch năm.',
    'Năm 2020, thị xã được giao chỉ tiêu kết nạp 150 đảng viên. Các chi bộ đang tập trung bồi dưỡng số quần chúng đã học lớp nhận thức về Đảng để kịp xét kết nạp trong quý IV.',
    'Trong nhiệm kỳ 2015-2020, toàn Đảng bộ thị xã kết nạp 812 đảng viên, đạt 108% Nghị quyết Đại hội. Hiện Đảng bộ thị xã có 41 tổ chức cơ sở đảng với 5.106 đảng viên.',
    'Là địa phương có nhiều doanh nghiệp lớn, trong đó có nhà máy xi măng công suất hơn 3 triệu tấn mỗi năm, Bỉm Sơn xác định doanh nghiệp là nguồn đảng viên quan trọng.',
    'Theo Kế hoạch số 120-KH/TU, các chi bộ doanh nghiệp rà soát, lập danh sách quần chúng ưu tú dưới 35 tuổi để đưa vào diện bồi dưỡng.',
  ],
  figures=[
    F('new_members', 87, 'Đảng bộ thị xã Bỉm Sơn kết nạp 87 đảng viên', '2020-01/2020-06', d='Bỉm Sơn'),
    F('target_attainment_pct', 58, 'đạt 58% kế hoạch năm', '2020-01/2020-06', d='Bỉm Sơn'),
    F('new_members_target', 150, 'được giao chỉ tiêu kết nạp 150 đảng viên', '2020', d='Bỉm Sơn'),
    F('new_members', 812, 'toàn Đảng bộ thị xã kết nạp 812 đảng viên', '2015-2020', d='Bỉm Sơn'),
    F('target_attainment_pct', 108, 'đạt 108% Nghị quyết Đại hội', '2015-2020', d='Bỉm Sơn'),
    F('grassroots_orgs', 41, 'Đảng bộ thị xã có 41 tổ chức cơ sở đảng', '2020-08-05', d='Bỉm Sơn'),
    F('total_members', 5106, 'với 5.106 đảng viên', '2020-08-05', d='Bỉm Sơn'),
  ],
  negatives=[
    N('Đăng lúc: 05/08/2020 11:43:20 (GMT+7)', 'publication date line'),
    N('hơn 3 triệu tấn mỗi năm', 'cement output per year'),
    N('Kế hoạch số 120-KH/TU', 'document number'),
    N('dưới 35 tuổi', 'age'),
  ])

A(key='B2', kind='congthongtin', province='Thanh Hóa', section='xay-dung-dang',
  path='/congthongtin/Pages/2019-11-20/SAM-SON-PHAT-TRIEN-DANG-VIEN-O-KHU-DAN-CU-c40d7e.aspx',
  when='2019-11-20 09:12:05', author='Ngọc Anh',
  title='Sầm Sơn phát triển đảng viên ở khu dân cư.',
  body=[
    'Từ đầu năm đến nay, Đảng bộ TP Sầm Sơn đã kết nạp 142 đảng viên, trong đó 53 đảng viên sinh hoạt tại chi bộ khu dân cư.',
    'Hiện nay, toàn thành phố có 146 chi bộ khu dân cư; 100% tổ dân phố, thôn đều có chi bộ.',
    'Phường Quảng Tiến năm nay kết nạp 10 đảng viên, hoàn thành chỉ tiêu trước hai tháng.',
    'Mùa du lịch năm 2019, Sầm Sơn đón khoảng 5,2 triệu lượt khách, doanh thu ước đạt 10.500 tỷ đồng. Nhiều đảng viên trẻ ở khu dân cư là chủ cơ sở lưu trú, dịch vụ.',
    'Năm 2020, Thành ủy đặt mục tiêu kết nạp từ 160 đảng viên trở lên.',
  ],
  figures=[
    F('new_members', 142, 'Đảng bộ TP Sầm Sơn đã kết nạp 142 đảng viên', '2019-01/2019-11', d='Sầm Sơn'),
    F('new_members', 53, '53 đảng viên sinh hoạt tại chi bộ khu dân cư', '2019-01/2019-11', d='Sầm Sơn', seg='khu_dan_cu'),
    F('party_cells', 146, 'toàn thành phố có 146 chi bộ khu dân cư', '2019-11-20', d='Sầm Sơn', seg='khu_dan_cu'),
    F('new_members', 10, 'Phường Quảng Tiến năm nay kết nạp 10 đảng viên', '2019-01/2019-11', d='Sầm Sơn', c='Quảng Tiến'),
    F('new_members_target', 160, 'mục tiêu kết nạp từ 160 đảng viên trở lên', '2020', d='Sầm Sơn', q='at_least'),
  ],
  negatives=[
    N('100% tổ dân phố, thôn đều có chi bộ', 'share of residential groups with a chi bộ (foreign ratio)'),
    N('khoảng 5,2 triệu lượt khách', 'tourists'),
    N('10.500 tỷ đồng', 'money'),
  ])

A(key='B3', kind='congthongtin', province='Thanh Hóa', section='xay-dung-dang',
  path='/congthongtin/Pages/2023-1-12/THO-XUAN-VUOT-CHI-TIEU-KET-NAP-DANG-VIEN-NAM-2022-5e29b1.aspx',
  when='2023-01-12 14:05:33', author='Hoàng Lâm',
  title='Thọ Xuân vượt chỉ tiêu kết nạp đảng viên năm 2022.',
  body=[
    'Năm 2022, toàn huyện Thọ Xuân kết nạp 310 đảng viên, đạt 103,3% chỉ tiêu, trong đó xã Xuân Lai 20, xã Thọ Lâm 15, xã Thọ Lập 12 đảng viên.',
    'Chỉ tiêu tỉnh giao cho huyện năm 2022 là 300 đảng viên. Đáng chú ý, huyện đã kết nạp 4 đảng viên là người theo đạo Công giáo ở các xã vùng giáo.',
    'Trong năm, 614 quần chúng ưu tú được học lớp nhận thức về Đảng tại Trung tâm Chính trị huyện. Hiện nay, 172/214 thôn, khu phố của huyện đã có chi bộ riêng; số còn lại sinh hoạt ghép.',
    'Đảng bộ huyện hiện có 71 tổ chức cơ sở đảng với 12.480 đảng viên.',
    'Năm 2023, huyện phấn đấu kết nạp 320 đảng viên; đồng thời hỗ trợ gần 900 hộ chuyển sang trồng mía công nghệ cao với tổng kinh phí 18 tỷ đồng.',
  ],
  figures=[
    F('new_members', 310, 'toàn huyện Thọ Xuân kết nạp 310 đảng viên', '2022', d='Thọ Xuân'),
    F('target_attainment_pct', 103.3, 'đạt 103,3% chỉ tiêu', '2022', d='Thọ Xuân'),
    F('new_members', 20, 'xã Xuân Lai 20', '2022', d='Thọ Xuân', c='Xuân Lai'),
    F('new_members', 15, 'xã Thọ Lâm 15', '2022', d='Thọ Xuân', c='Thọ Lâm'),
    F('new_members', 12, 'xã Thọ Lập 12 đảng viên', '2022', d='Thọ Xuân', c='Thọ Lập'),
    F('new_members_target', 300, 'Chỉ tiêu tỉnh giao cho huyện năm 2022 là 300 đảng viên', '2022', d='Thọ Xuân'),
    F('new_members', 4, 'kết nạp 4 đảng viên là người theo đạo Công giáo', '2022', d='Thọ Xuân', seg='ton_giao'),
    F('awareness_trainees', 614, '614 quần chúng ưu tú được học lớp nhận thức về Đảng', '2022', d='Thọ Xuân'),
    F('grassroots_orgs', 71, 'Đảng bộ huyện hiện có 71 tổ chức cơ sở đảng', '2023-01-12', d='Thọ Xuân'),
    F('total_members', 12480, 'với 12.480 đảng viên', '2023-01-12', d='Thọ Xuân'),
    F('new_members_target', 320, 'huyện phấn đấu kết nạp 320 đảng viên', '2023', d='Thọ Xuân'),
  ],
  negatives=[
    N('172/214 thôn, khu phố', 'villages with a chi bộ: a/b thôn gives nothing'),
    N('gần 900 hộ', 'households'),
    N('18 tỷ đồng', 'money'),
  ])

A(key='B4', kind='congthongtin', province='Thanh Hóa', section='xay-dung-dang',
  path='/congthongtin/Pages/2024-7-16/NONG-CONG-NO-LUC-HOAN-THANH-CHI-TIEU-PHAT-TRIEN-DANG-VIEN-9b71e0.aspx',
  when='2024-07-16 08:30:10', author='Trịnh Quang',
  title='Nông Cống nỗ lực hoàn thành chỉ tiêu phát triển đảng viên.',
  body=[
    'Nửa đầu năm 2024, Đảng bộ huyện Nông Cống kết nạp 138/260 đảng viên theo kế hoạch năm.',
    'Xã Tượng Văn là điểm sáng của huyện. Từ năm 2020 đến nay, mỗi năm Đảng bộ xã kết nạp 10-12 đảng viên, chủ yếu là thanh niên và chủ trang trại. Đảng ủy xã hiện có 19 chi bộ trực thuộc với 436 đảng viên.',
    'Toàn huyện hiện có 9.870 đảng viên, trong đó đảng viên nữ chiếm 38,5%.',
    'Bí thư Chi bộ thôn 5 cho biết, tháng trước chi bộ đã giới thiệu 3 quần chúng đi học lớp nhận thức về Đảng.',
    'Huyện phấn đấu hoàn thành kế hoạch năm trong quý III, cùng với 25 km đường giao thông nông thôn có tổng vốn 40 tỷ đồng.',
  ],
  figures=[
    F('new_members', 138, 'Đảng bộ huyện Nông Cống kết nạp 138/260 đảng viên', '2024-01/2024-06', d='Nông Cống'),
    F('new_members_target', 260, 'Đảng bộ huyện Nông Cống kết nạp 138/260 đảng viên', '2024', d='Nông Cống'),
    F('new_members', 10, 'mỗi năm Đảng bộ xã kết nạp 10-12 đảng viên', '2020-2024', d='Nông Cống', c='Tượng Văn', q='range', vmax=12, py=True),
    F('party_cells', 19, 'Đảng ủy xã hiện có 19 chi bộ trực thuộc', '2024-07-16', d='Nông Cống', c='Tượng Văn'),
    F('total_members', 436, 'với 436 đảng viên', '2024-07-16', d='Nông Cống', c='Tượng Văn'),
    F('total_members', 9870, 'Toàn huyện hiện có 9.870 đảng viên', '2024-07-16', d='Nông Cống'),
    F('member_share_pct', 38.5, 'đảng viên nữ chiếm 38,5%', '2024-07-16', d='Nông Cống', seg='nu'),
  ],
  negatives=[
    N('thôn 5', 'part of a place name'),
    N('giới thiệu 3 quần chúng', 'people introduced: not a figure'),
    N('25 km', 'road length'),
    N('40 tỷ đồng', 'money'),
  ])

A(key='U2', kind='congthongtin', province='Thanh Hóa', section='kinh-te-xa-hoi',
  path='/congthongtin/Pages/2023-6-2/NANG-NONG-GAY-GAT-KEO-DAI-O-CAC-HUYEN-MIEN-NUI-77c0a2.aspx',
  when='2023-06-02 16:20:45', author='Minh Hiếu',
  title='Nắng nóng gay gắt kéo dài ở các huyện miền núi.',
  body=[
    'Ngày 2/6, nhiều nơi trong tỉnh có nắng nóng gay gắt, nhiệt độ cao nhất phổ biến 37-39 độ C, có nơi trên 40 độ C. Độ ẩm thấp nhất 50-55%.',
    'Dự báo đến ngày 5/6 nắng nóng mới giảm dần; lượng mưa ở các huyện ven biển khoảng 20-40 mm.',
    'Ngành điện cho biết công suất tiêu thụ của tỉnh trong ngày đạt 1.250 MW, tăng khoảng 12% so với ngày thường.',
  ],
  figures=[],
  negatives=[
    N('37-39 độ C', 'temperature range'),
    N('trên 40 độ C', 'temperature'),
    N('50-55%', 'humidity'),
    N('khoảng 20-40 mm', 'rainfall'),
    N('1.250 MW', 'electric power'),
  ])

# ---------------------------------------------------------------- (c) huyen, NukeViet, Quảng Trị
A(key='C1', kind='huyen', province='Quảng Trị', section='tin-dang-doan-the',
  path='/huyen/vi/news/tin-dang-doan-the/thi-tran-krong-klang-cham-lo-phat-trien-dang-vien-351.html',
  print_path='/huyen/vi/news/print/tin-dang-doan-the/thi-tran-krong-klang-cham-lo-phat-trien-dang-vien-351.html',
  when='2020-05-07 20:22', author='Hồ Văn Thương', account='lethanhbinh',
  title='Thị trấn Krông Klang chăm lo phát triển đảng viên trong đồng bào dân tộc',
  body=[
    'Những năm qua, Đảng bộ thị trấn Krông Klang, huyện Đakrông luôn xác định phát triển đảng viên ở vùng đồng bào Vân Kiều, Pa Kô là nhiệm vụ then chốt.',
    'Nhiệm kỳ 2015-2020, Đảng bộ thị trấn kết nạp 41 đảng viên, đạt 82% Nghị quyết Đại hội đề ra. Hiện Đảng bộ có 278 đảng viên, sinh hoạt ở 16 chi bộ trực thuộc; đảng viên người dân tộc thiểu số chiếm 46,3%.',
    'Khó khăn lớn nhất là nhiều thanh niên đi làm ăn xa. Có thôn mấy năm liền không có quần chúng đủ điều kiện, trong khi trình độ học vấn của nhiều người còn hạn chế.',
    'Thị trấn hiện có 1.260 hộ với hơn 5.000 nhân khẩu, tỷ lệ hộ nghèo giảm còn 9,6%.',
    'Nhiệm kỳ 2020-2025, Đảng bộ thị trấn phấn đấu mỗi năm kết nạp từ 8 đảng viên trở lên.',
  ],
  figures=[
    F('new_members', 41, 'Đảng bộ thị trấn kết nạp 41 đảng viên', '2015-2020', d='Đakrông', c='Krông Klang'),
    F('target_attainment_pct', 82, 'đạt 82% Nghị quyết Đại hội đề ra', '2015-2020', d='Đakrông', c='Krông Klang'),
    F('total_members', 278, 'Hiện Đảng bộ có 278 đảng viên', '2020-05-07', d='Đakrông', c='Krông Klang'),
    F('party_cells', 16, 'sinh hoạt ở 16 chi bộ trực thuộc', '2020-05-07', d='Đakrông', c='Krông Klang'),
    F('member_share_pct', 46.3, 'đảng viên người dân tộc thiểu số chiếm 46,3%', '2020-05-07', d='Đakrông', c='Krông Klang', seg='dan_toc_thieu_so'),
    F('new_members_target', 8, 'mỗi năm kết nạp từ 8 đảng viên trở lên', '2020-2025', d='Đakrông', c='Krông Klang', q='at_least', py=True),
  ],
  negatives=[
    N('Tổng số điểm là: 0 trong 0 đánh giá', 'rating widget'),
    N('1.260 hộ', 'households'),
    N('hơn 5.000 nhân khẩu', 'population'),
    N('9,6%', 'poverty rate'),
  ])

A(key='C2', kind='huyen', province='Quảng Trị', section='tin-dang-doan-the',
  path='/huyen/vi/news/tin-dang-doan-the/dakrong-vuot-chi-tieu-phat-trien-dang-vien-nam-2021-402.html',
  when='2022-01-20 15:47', author='Nguyễn Thị Hạnh', account='hoangvanphuc',
  title='Đakrông vượt chỉ tiêu phát triển đảng viên năm 2021',
  pdf=('/huyen/uploads/news/2022_01/bao-cao-cong-tac-xay-dung-dang-nam-2021.pdf', 'Báo cáo kết quả công tác xây dựng Đảng năm 2021 (PDF)'),
  body=[
    'Năm 2021, Đảng bộ huyện Đakrông kết nạp 127 đảng viên, đạt 105,8% chỉ tiêu; chỉ tiêu giao 120 đảng viên.',
    'Trong số đảng viên mới có 98 người dân tộc thiểu số và 23 đoàn viên thanh niên.',
    'Xã Ba Lòng kết nạp 9, xã Tà Rụt kết nạp 11 đảng viên, là những con số cao nhất từ trước tới nay ở hai xã vùng cao này.',
    'Kết quả này nâng tổng số đảng viên toàn Đảng bộ huyện lên 3.204 đồng chí.',
    'Cùng thời gian, huyện hỗ trợ 15 tỷ đồng làm nhà ở cho 300 hộ nghèo theo Quyết định số 22/2021/QĐ-UBND.',
  ],
  figures=[
    F('new_members', 127, 'Đảng bộ huyện Đakrông kết nạp 127 đảng viên', '2021', d='Đakrông'),
    F('target_attainment_pct', 105.8, 'đạt 105,8% chỉ tiêu', '2021', d='Đakrông'),
    F('new_members_target', 120, 'chỉ tiêu giao 120 đảng viên', '2021', d='Đakrông'),
    F('new_members', 98, 'có 98 người dân tộc thiểu số', '2021', d='Đakrông', seg='dan_toc_thieu_so'),
    F('new_members', 23, '23 đoàn viên thanh niên', '2021', d='Đakrông', seg='doan_vien'),
    F('new_members', 9, 'Xã Ba Lòng kết nạp 9', '2021', d='Đakrông', c='Ba Lòng'),
    F('new_members', 11, 'xã Tà Rụt kết nạp 11 đảng viên', '2021', d='Đakrông', c='Tà Rụt'),
    F('total_members', 3204, 'nâng tổng số đảng viên toàn Đảng bộ huyện lên 3.204', '2021', d='Đakrông'),
  ],
  negatives=[
    N('15 tỷ đồng', 'money'),
    N('300 hộ nghèo', 'households'),
    N('Quyết định số 22/2021/QĐ-UBND', 'document number'),
  ])

A(key='C3', kind='huyen', province='Quảng Trị', section='tin-dang-doan-the',
  path='/huyen/vi/news/tin-dang-doan-the/gio-linh-nang-cao-chat-luong-nguon-ket-nap-dang-468.html',
  when='2023-03-09 10:15', author='Trần Văn Hòa', account='hoangvanphuc',
  title='Gio Linh: Nâng cao chất lượng nguồn kết nạp Đảng',
  body=[
    'Năm 2022, Đảng bộ huyện Gio Linh kết nạp 205 đảng viên mới, là năm có số đảng viên mới cao nhất trong nhiệm kỳ.',
    'Huyện đã mở 4 lớp bồi dưỡng cho 212 đảng viên mới; mỗi lớp có khoảng 50 học viên.',
    'Xã Gio Mai kết nạp 8 đảng viên, trong đó có 2 quân nhân xuất ngũ. Đảng bộ huyện hiện có 44 tổ chức cơ sở đảng, 5.620 đảng viên.',
    'Huyện ủy giao chỉ tiêu năm 2023 kết nạp 200 đảng viên cho các cơ sở.',
    'Nhân dịp kỷ niệm 93 năm Ngày thành lập Đảng, huyện đã trao Huy hiệu 30 năm tuổi Đảng cho 45 đảng viên.',
  ],
  figures=[
    F('new_members', 205, 'Đảng bộ huyện Gio Linh kết nạp 205 đảng viên mới', '2022', d='Gio Linh'),
    F('new_member_trainees', 212, '4 lớp bồi dưỡng cho 212 đảng viên mới', '2022', d='Gio Linh'),
    F('new_members', 8, 'Xã Gio Mai kết nạp 8 đảng viên', '2022', d='Gio Linh', c='Gio Mai'),
    F('grassroots_orgs', 44, 'Đảng bộ huyện hiện có 44 tổ chức cơ sở đảng', '2023-03-09', d='Gio Linh'),
    F('total_members', 5620, '44 tổ chức cơ sở đảng, 5.620 đảng viên', '2023-03-09', d='Gio Linh'),
    F('new_members_target', 200, 'giao chỉ tiêu năm 2023 kết nạp 200 đảng viên', '2023', d='Gio Linh'),
  ],
  negatives=[
    N('mở 4 lớp', 'number of classes'),
    N('khoảng 50 học viên', 'people per class'),
    N('2 quân nhân xuất ngũ', 'discharged soldiers: no schema segment'),
    N('93 năm', 'anniversary'),
    N('Huy hiệu 30 năm tuổi Đảng cho 45 đảng viên', 'badges'),
  ])

A(key='C4', kind='huyen', province='Quảng Trị', section='tin-dang-doan-the',
  path='/huyen/vi/news/tin-dang-doan-the/toan-tinh-hoan-thanh-vuot-ke-hoach-phat-trien-dang-vien-nam-2022-455.html',
  when='2023-01-16 09:40', author='Lê Minh Tuấn', account='lethanhbinh',
  title='Toàn tỉnh hoàn thành vượt kế hoạch phát triển đảng viên năm 2022',
  body=[
    'Năm 2022, toàn Đảng bộ tỉnh Quảng Trị kết nạp 2.063 đảng viên mới, đạt 103,2% kế hoạch.',
    'Trong đó, hơn 300 đảng viên mới là đoàn viên thanh niên và gần 200 người là đồng bào dân tộc thiểu số.',
    'Một số địa phương đạt kết quả cao như huyện Gio Linh 198, Hải Lăng 176 và Đakrông 131 đảng viên.',
    'Xã Hải Thượng (Hải Lăng) có 12 chi bộ trực thuộc, năm qua kết nạp 7 đảng viên.',
    'Năm 2023, Tỉnh ủy phấn đấu kết nạp 2.000 đảng viên trở lên. Hội nghị được tổ chức trực tuyến tới 125 điểm cầu cấp xã.',
  ],
  figures=[
    F('new_members', 2063, 'toàn Đảng bộ tỉnh Quảng Trị kết nạp 2.063 đảng viên mới', '2022'),
    F('target_attainment_pct', 103.2, 'đạt 103,2% kế hoạch', '2022'),
    F('new_members', 300, 'hơn 300 đảng viên mới là đoàn viên thanh niên', '2022', seg='doan_vien', q='more_than'),
    F('new_members', 200, 'gần 200 người là đồng bào dân tộc thiểu số', '2022', seg='dan_toc_thieu_so', q='nearly'),
    F('new_members', 198, 'huyện Gio Linh 198', '2022', d='Gio Linh'),
    F('new_members', 176, 'Hải Lăng 176', '2022', d='Hải Lăng'),
    F('new_members', 131, 'Đakrông 131 đảng viên', '2022', d='Đakrông'),
    F('party_cells', 12, 'có 12 chi bộ trực thuộc', '2023-01-16', d='Hải Lăng', c='Hải Thượng'),
    F('new_members', 7, 'năm qua kết nạp 7 đảng viên', '2022', d='Hải Lăng', c='Hải Thượng'),
    F('new_members_target', 2000, 'Tỉnh ủy phấn đấu kết nạp 2.000 đảng viên trở lên', '2023', q='at_least'),
  ],
  negatives=[
    N('125 điểm cầu', 'video-conference sites'),
  ])

A(key='U3', kind='huyen', province='Quảng Trị', section='an-ninh-trat-tu',
  path='/huyen/vi/news/an-ninh-trat-tu/va-cham-giao-thong-tren-quoc-lo-9-hai-nguoi-bi-thuong-417.html',
  when='2021-08-12 17:05', author='Công an huyện', account='hoangvanphuc',
  title='Va chạm giao thông trên Quốc lộ 9, hai người bị thương',
  body=[
    'Khoảng 14 giờ 30 phút ngày 12/8, tại Km 46+500 Quốc lộ 9 thuộc địa phận huyện Đakrông, một xe khách 29 chỗ va chạm với xe tải chở 15 tấn gỗ keo.',
    'Vụ va chạm làm 2 người trên xe khách bị thương, được đưa đến Trung tâm Y tế huyện cấp cứu. Lực lượng chức năng đã phân luồng trong khoảng 2 giờ.',
    'Từ đầu năm đến nay, trên địa bàn huyện xảy ra 11 vụ tai nạn giao thông, làm 3 người chết và 9 người bị thương.',
  ],
  figures=[],
  negatives=[
    N('Km 46+500 Quốc lộ 9', 'road position'),
    N('xe khách 29 chỗ', 'vehicle size'),
    N('15 tấn gỗ keo', 'cargo weight'),
    N('11 vụ tai nạn giao thông', 'accident count (year to date)'),
  ])

# ---------------------------------------------------------------- (d) baothainguyen, Thái Nguyên
A(key='D1', kind='baothainguyen', province='Thái Nguyên', section='xay-dung-dang',
  path='/baothainguyen/xay-dung-dang/202402/phu-luong-chu-dong-tao-nguon-phat-trien-dang-vien-3A7F2C1',
  when='2024-02-28 09:01', author='Hoàng Minh', views=1760,
  title='Phú Lương: Chủ động tạo nguồn phát triển đảng viên',
  body=[
    'Năm 2023, Đảng bộ huyện Phú Lương kết nạp 186 đảng viên, đạt 109,4% chỉ tiêu. Trong 3 năm gần đây, mỗi năm huyện kết nạp từ 140 đến 190 đảng viên.',
    IMG + 'Lễ kết nạp đảng viên tại một chi bộ xóm của xã Động Đạt.',
    'Xã Động Đạt kết nạp 14 đảng viên, xã Yên Lạc kết nạp 12 đảng viên trong năm 2023. Đến cuối năm, toàn huyện có 6.935 đảng viên.',
    'Hiện huyện đang tạo nguồn 260 quần chúng ưu tú để bồi dưỡng, xem xét kết nạp.',
    'Năm 2024, Huyện ủy giao chỉ tiêu kết nạp không dưới 180 đảng viên. Cùng với đó, huyện mở rộng vùng chè đặc sản lên hơn 4.000 ha.',
  ],
  figures=[
    F('new_members', 186, 'Đảng bộ huyện Phú Lương kết nạp 186 đảng viên', '2023', d='Phú Lương'),
    F('target_attainment_pct', 109.4, 'đạt 109,4% chỉ tiêu', '2023', d='Phú Lương'),
    F('new_members', 140, 'mỗi năm huyện kết nạp từ 140 đến 190 đảng viên', '2021-2023', d='Phú Lương', q='range', vmax=190, py=True),
    F('new_members', 14, 'Xã Động Đạt kết nạp 14 đảng viên', '2023', d='Phú Lương', c='Động Đạt'),
    F('new_members', 12, 'xã Yên Lạc kết nạp 12 đảng viên', '2023', d='Phú Lương', c='Yên Lạc'),
    F('total_members', 6935, 'Đến cuối năm, toàn huyện có 6.935 đảng viên', '2023-12-31', d='Phú Lương'),
    F('new_members_target', 180, 'giao chỉ tiêu kết nạp không dưới 180 đảng viên', '2024', d='Phú Lương', q='at_least'),
  ],
  negatives=[
    N('Hoàng Minh 09:01, 28/02/2024', 'byline with publication time'),
    N('Lượt xem: 1760', 'view counter'),
    N('tạo nguồn 260 quần chúng ưu tú', 'candidate pool: not a figure'),
    N('hơn 4.000 ha', 'area'),
  ])

A(key='D2', kind='baothainguyen', province='Thái Nguyên', section='xay-dung-dang',
  path='/baothainguyen/xay-dung-dang/202009/dinh-hoa-phat-trien-dang-vien-o-vung-an-toan-khu-1B4E9D0',
  when='2020-09-14 07:45', author='Vũ Thanh', views=2315,
  title='Định Hóa: Phát triển đảng viên ở vùng An toàn khu',
  body=[
    'Nhiệm kỳ 2015-2020, Đảng bộ huyện Định Hóa kết nạp 1.274 đảng viên, đạt 115,8% Nghị quyết Đại hội.',
    'Riêng xã Phú Đình kết nạp 56 đảng viên, gấp gần 1,5 lần nhiệm kỳ trước.',
    IMG + 'Đảng viên mới của xã Phú Đình tìm hiểu truyền thống tại khu di tích.',
    'Hiện nay, Đảng bộ huyện có 7.310 đảng viên; đảng viên là người dân tộc thiểu số chiếm gần 70%.',
    'Toàn huyện có 24 xã, thị trấn với hơn 88.000 người, đồng bào dân tộc Tày chiếm khoảng 48% dân số.',
    'Nhiệm kỳ 2020-2025, Đảng bộ huyện đặt chỉ tiêu kết nạp 1.300 đảng viên.',
  ],
  figures=[
    F('new_members', 1274, 'Đảng bộ huyện Định Hóa kết nạp 1.274 đảng viên', '2015-2020', d='Định Hóa'),
    F('target_attainment_pct', 115.8, 'đạt 115,8% Nghị quyết Đại hội', '2015-2020', d='Định Hóa'),
    F('new_members', 56, 'xã Phú Đình kết nạp 56 đảng viên', '2015-2020', d='Định Hóa', c='Phú Đình'),
    F('total_members', 7310, 'Đảng bộ huyện có 7.310 đảng viên', '2020-09-14', d='Định Hóa'),
    F('member_share_pct', 70, 'người dân tộc thiểu số chiếm gần 70%', '2020-09-14', d='Định Hóa', seg='dan_toc_thieu_so', q='nearly'),
    F('new_members_target', 1300, 'đặt chỉ tiêu kết nạp 1.300 đảng viên', '2020-2025', d='Định Hóa'),
  ],
  negatives=[
    N('gần 1,5 lần', 'ratio to the previous term'),
    N('24 xã, thị trấn', 'communes'),
    N('hơn 88.000 người', 'population'),
    N('khoảng 48% dân số', 'population share'),
  ])

A(key='D3', kind='baothainguyen', province='Thái Nguyên', section='xay-dung-dang',
  path='/baothainguyen/xay-dung-dang/202206/dai-tu-chu-trong-chat-luong-ket-nap-dang-vien-5C2A81F',
  when='2022-06-20 10:30', author='Thu Trang', views=984,
  title='Đại Từ: Chú trọng chất lượng kết nạp đảng viên',
  body=[
    'Nửa đầu năm 2022, Đảng bộ huyện Đại Từ kết nạp 96 đảng viên; cả năm phấn đấu kết nạp 250 đảng viên.',
    'Huyện đã tổ chức lớp bồi dưỡng cho 93 đảng viên mới và 2 lớp nhận thức về Đảng cho 187 quần chúng.',
    IMG + 'Một buổi sinh hoạt chi bộ ở xã Hà Thượng.',
    'Xã Hà Thượng, nơi có nhiều doanh nghiệp khai khoáng, hiện có 21 chi bộ trực thuộc với 587 đảng viên. Tuổi bình quân của đảng viên mới là 28 tuổi.',
    'Đảng ủy xã đề ra mục tiêu đến năm 2025 có 100% trưởng xóm là đảng viên.',
  ],
  figures=[
    F('new_members', 96, 'Đảng bộ huyện Đại Từ kết nạp 96 đảng viên', '2022-01/2022-06', d='Đại Từ'),
    F('new_members_target', 250, 'cả năm phấn đấu kết nạp 250 đảng viên', '2022', d='Đại Từ'),
    F('new_member_trainees', 93, 'lớp bồi dưỡng cho 93 đảng viên mới', '2022-01/2022-06', d='Đại Từ'),
    F('awareness_trainees', 187, 'nhận thức về Đảng cho 187 quần chúng', '2022-01/2022-06', d='Đại Từ'),
    F('party_cells', 21, 'hiện có 21 chi bộ trực thuộc', '2022-06-20', d='Đại Từ', c='Hà Thượng'),
    F('total_members', 587, 'với 587 đảng viên', '2022-06-20', d='Đại Từ', c='Hà Thượng'),
  ],
  negatives=[
    N('2 lớp', 'number of classes'),
    N('28 tuổi', 'age'),
    N('100% trưởng xóm là đảng viên', 'share of village heads (foreign ratio)'),
  ])

A(key='D4', kind='baothainguyen', province='Thái Nguyên', section='xay-dung-dang',
  path='/baothainguyen/xay-dung-dang/202411/pho-yen-phat-trien-dang-vien-trong-cong-nhan-7D0E3A5',
  when='2024-11-08 14:20', author='Bảo Ngọc', views=655,
  title='Phổ Yên: Phát triển đảng viên trong công nhân các khu công nghiệp',
  body=[
    '10 tháng năm 2024, Đảng bộ TP Phổ Yên kết nạp 265 đảng viên, trong đó 74 đảng viên là công nhân trong các doanh nghiệp.',
    'Phường Trung Thành kết nạp 17 đảng viên, nhiều nhất trong các phường, xã.',
    IMG + 'Công nhân một doanh nghiệp điện tử tại khu công nghiệp Yên Bình.',
    'Các khu công nghiệp trên địa bàn thu hút khoảng 100 nghìn lao động, hơn 70% là nữ.',
    'Toàn Đảng bộ thành phố hiện có 10.245 đảng viên, sinh hoạt tại 58 tổ chức cơ sở đảng. Năm 2025, Thành ủy Phổ Yên đặt mục tiêu kết nạp khoảng 300 đảng viên.',
  ],
  figures=[
    F('new_members', 265, 'Đảng bộ TP Phổ Yên kết nạp 265 đảng viên', '2024-01/2024-10', d='Phổ Yên'),
    F('new_members', 74, '74 đảng viên là công nhân trong các doanh nghiệp', '2024-01/2024-10', d='Phổ Yên', seg='doanh_nghiep'),
    F('new_members', 17, 'Phường Trung Thành kết nạp 17 đảng viên', '2024-01/2024-10', d='Phổ Yên', c='Trung Thành'),
    F('total_members', 10245, 'Toàn Đảng bộ thành phố hiện có 10.245 đảng viên', '2024-11-08', d='Phổ Yên'),
    F('grassroots_orgs', 58, 'sinh hoạt tại 58 tổ chức cơ sở đảng', '2024-11-08', d='Phổ Yên'),
    F('new_members_target', 300, 'Phổ Yên đặt mục tiêu kết nạp khoảng 300 đảng viên', '2025', d='Phổ Yên', q='about'),
  ],
  negatives=[
    N('khoảng 100 nghìn lao động', 'workers'),
    N('hơn 70% là nữ', 'share of workers'),
  ])

A(key='U4', kind='baothainguyen', province='Thái Nguyên', section='kinh-te',
  path='/baothainguyen/kinh-te/202310/gia-che-bup-kho-tang-nhe-2E8B7C4',
  when='2023-10-05 16:10', author='Phương Thảo', views=3021,
  title='Giá chè búp khô tăng nhẹ',
  body=[
    'Những ngày đầu tháng 10, giá chè búp khô loại ngon tại xã Tân Cương (TP Thái Nguyên) dao động từ 250.000 đến 300.000 đồng/kg, tăng 10-15% so với cùng kỳ.',
    IMG + 'Người dân xã Tân Cương sao chè bằng máy.',
    'Mỗi ngày, các cơ sở trong xã tiêu thụ khoảng 3 tấn chè. Toàn tỉnh có hơn 22.000 ha chè, sản lượng chè búp tươi năm 2022 đạt 270 nghìn tấn.',
  ],
  figures=[],
  negatives=[
    N('từ 250.000 đến 300.000 đồng/kg', 'price range'),
    N('tăng 10-15%', 'price change'),
    N('khoảng 3 tấn chè', 'tonnage'),
    N('hơn 22.000 ha chè', 'area'),
    N('270 nghìn tấn', 'output'),
  ])

# The deliberate conflict pairs (same metric, locality, year in two articles).
CONFLICTS = [
    dict(kind='agree', metric='new_members', period='2016', loc=('Quảng Ninh', 'Đông Triều', None, None), keys=['A1', 'A2'], values=[318, 318]),
    dict(kind='disagree', metric='new_members', period='2022', loc=('Quảng Trị', 'Gio Linh', None, None), keys=['C3', 'C4'], values=[205, 198]),
]
