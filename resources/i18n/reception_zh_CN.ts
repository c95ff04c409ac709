<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>Acknowledge key out overnight</source>
        <translation>确认钥匙过夜未还</translation>
    </message>
    <message>
        <source>Out with %1 (%2) since %3, due back %4.</source>
        <translation>由 %1（%2）于 %3 借出，应于 %4 归还。</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>说明(&amp;N)</translation>
    </message>
    <message>
        <source>Who has it, why, when it comes back</source>
        <translation>钥匙在谁手里、原因、何时归还</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Return to the post office</source>
        <extracomment>action → (needs &quot;handed to&quot;, needs an outcome choice)</extracomment>
        <translation>退回邮局</translation>
    </message>
    <message>
        <source>Send to the supervisor (suspicious)</source>
        <translation>交主管处理（可疑邮件）</translation>
    </message>
    <message>
        <source>Report lost</source>
        <translation>登记丢失</translation>
    </message>
    <message>
        <source>Report damaged</source>
        <translation>登记破损</translation>
    </message>
    <message>
        <source>Dispose of uncollected items</source>
        <translation>处理逾期未领邮件</translation>
    </message>
    <message>
        <source>Supervisor&apos;s decision</source>
        <translation>主管处理意见</translation>
    </message>
    <message>
        <source>Release: back to waiting</source>
        <translation>放行：恢复待领取</translation>
    </message>
    <message>
        <source>Dispose of</source>
        <translation>销毁处理</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Handed to (postman&apos;s name)</source>
        <translation>交接人（邮递员姓名）</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend visit #%1</source>
        <translation>更正来访记录 #%1</translation>
    </message>
    <message>
        <source>Time in</source>
        <translation>进入时间</translation>
    </message>
    <message>
        <source>Time out</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>已离开</translation>
    </message>
    <message>
        <source>&amp;Reason (required)</source>
        <translation>更正原因（必填）(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <source>Renovation application</source>
        <translation>装修申请</translation>
    </message>
    <message>
        <source>Renovation application (装修申请表)</source>
        <translation>装修申请（装修申请表）</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>房号(&amp;U)</translation>
    </message>
    <message>
        <source>Owner or tenant</source>
        <translation>业主或租户</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>&amp;Contractor</source>
        <translation>施工单位(&amp;C)</translation>
    </message>
    <message>
        <source>Site &amp;lead</source>
        <translation>施工负责人(&amp;L)</translation>
    </message>
    <message>
        <source>Site lead&apos;s phone</source>
        <translation>负责人电话</translation>
    </message>
    <message>
        <source>&amp;Works</source>
        <translation>装修项目(&amp;W)</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开工</translation>
    </message>
    <message>
        <source>Period (days)</source>
        <translation>工期（天）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Signed application form handed in (owner&apos;s signature and stamp)</source>
        <translation>已交回签字的申请表（业主签名并盖章）</translation>
    </message>
    <message>
        <source>&amp;Take application</source>
        <translation>受理申请(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Manager&apos;s approval</source>
        <translation>管理处经理审批</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>不批准</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批结果</translation>
    </message>
    <message>
        <source>Note (reason required to reject)</source>
        <translation>意见（不批准须写明理由）</translation>
    </message>
    <message>
        <source>The manager confirms with their own user name and password.</source>
        <translation>经理以本人用户名和密码确认。</translation>
    </message>
    <message>
        <source>Manager&apos;s user name</source>
        <translation>经理用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign recipient</source>
        <translation>指定收件人</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s): </source>
        <translation>
            <numerusform>%n 件：</numerusform>
        </translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Unit, name, pinyin initials or last 4 phone digits</source>
        <translation>房号、姓名、拼音首字母或手机尾号后4位</translation>
    </message>
    <message>
        <source>Shelf (unchanged if empty)</source>
        <translation>货架（留空则不变）</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Courier&apos;s list</source>
        <extracomment>The scan router hands scans to the Parcels tab while this dialog is open (ui/scan_router.py).</extracomment>
        <translation>快递员清单</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Courier batch check</source>
        <translation>快递批次核对</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递员</translation>
    </message>
    <message>
        <source>Name or company of the courier</source>
        <translation>快递员姓名或快递公司</translation>
    </message>
    <message>
        <source>Items they hand over</source>
        <translation>交来件数</translation>
    </message>
    <message>
        <source>(not typed)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>Their list (CSV)</source>
        <translation>对方清单（CSV）</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Start checking</source>
        <translation>开始核对</translation>
    </message>
    <message>
        <source>Scan each item:</source>
        <translation>逐件扫描：</translation>
    </message>
    <message>
        <source>Finish the check</source>
        <translation>完成核对</translation>
    </message>
    <message>
        <source>Expected %1 · scanned %2</source>
        <translation>应到 %1 · 已扫 %2</translation>
    </message>
    <message>
        <source>all there</source>
        <translation>全部相符</translation>
    </message>
    <message>
        <source>%1 missing, %2 not on their list</source>
        <translation>缺 %1 件，清单外 %2 件</translation>
    </message>
    <message>
        <source>check finished</source>
        <translation>核对完成</translation>
    </message>
    <message>
        <source>On their list, not scanned</source>
        <translation>清单上有、未扫到</translation>
    </message>
    <message>
        <source>Scanned, not on their list</source>
        <translation>已扫到、清单上没有</translation>
    </message>
</context>
<context>
    <name>BorrowerKinds</name>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>外包单位</translation>
    </message>
    <message>
        <source>Occupant</source>
        <translation>业户</translation>
    </message>
</context>
<context>
    <name>CarrierRules</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>UPU S10 (EMS / China Post)</source>
        <translation>UPU S10（EMS / 中国邮政）</translation>
    </message>
    <message>
        <source>UPS 1Z</source>
        <translation>UPS 1Z</translation>
    </message>
    <message>
        <source>FedEx 12 digits</source>
        <translation>FedEx 12 位</translation>
    </message>
    <message>
        <source>FedEx 15 digits</source>
        <translation>FedEx 15 位</translation>
    </message>
    <message>
        <source>DHL (mod 7)</source>
        <translation>DHL（模 7）</translation>
    </message>
    <message>
        <source>check digit correct</source>
        <translation>校验位正确</translation>
    </message>
    <message>
        <source>check digit WRONG: probably misread</source>
        <translation>校验位错误：很可能误读</translation>
    </message>
    <message>
        <source>no check digit</source>
        <translation>无校验位</translation>
    </message>
    <message>
        <source>other (accepted, no carrier)</source>
        <translation>其他（照常登记，未识别承运商）</translation>
    </message>
    <message>
        <source>also fits: %1</source>
        <translation>也符合：%1</translation>
    </message>
</context>
<context>
    <name>CarrierRulesPage</name>
    <message>
        <source>Carrier rules saved</source>
        <translation>承运商规则已保存</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Pattern (whole number)</source>
        <translation>格式（匹配整个单号）</translation>
    </message>
    <message>
        <source>Check digit</source>
        <translation>校验位</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Save carrier rules</source>
        <translation>保存承运商规则</translation>
    </message>
    <message>
        <source>&amp;Try a number:</source>
        <translation>试一个单号(&amp;T)：</translation>
    </message>
    <message>
        <source>e.g. EA123456785CN</source>
        <translation>例如 EA123456785CN</translation>
    </message>
    <message>
        <source>Rules are tried in order: the first whose pattern matches the whole number and whose check digit is not wrong wins. A number no rule matches is still accepted, as carrier &quot;other&quot;.</source>
        <translation>按顺序逐条尝试：第一条格式匹配整个单号且校验位无误的规则胜出。没有规则匹配的单号照常登记，承运商记为“其他”。</translation>
    </message>
    <message>
        <source>Only an administrator can change the carrier rules.</source>
        <translation>只有管理员可以修改承运商规则。</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Check in key %1</source>
        <translation>归还钥匙 %1</translation>
    </message>
    <message numerus="yes">
        <source>Lent to %1 on %2, %n key(s)</source>
        <translation>
            <numerusform>%2 借给 %1，共 %n 把</numerusform>
        </translation>
    </message>
    <message>
        <source>Returned by</source>
        <translation>归还人</translation>
    </message>
    <message>
        <source>&amp;Keys back</source>
        <translation>归还数量(&amp;K)</translation>
    </message>
    <message>
        <source>Note (required if keys are missing)</source>
        <translation>说明（钥匙不全时必填）</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>归还(&amp;I)</translation>
    </message>
</context>
<context>
    <name>CheckOutDialog</name>
    <message>
        <source>Unit, name, pinyin initials or phone tail: pick from the list</source>
        <translation>房号、姓名、拼音首字母或手机尾号，从列表中选择</translation>
    </message>
    <message>
        <source>Name (staff accounts are suggested)</source>
        <translation>姓名（会提示员工账号）</translation>
    </message>
    <message>
        <source>Contractor&apos;s name</source>
        <translation>施工人员姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Keys come back the same day, by %1. Keeping it longer needs the general manager&apos;s approval (not for an engineering repair).</source>
        <translation>钥匙须当日 %1 前归还。借用更久须经总经理批准（工程维修除外）。</translation>
    </message>
    <message>
        <source>A loan longer than one day needs the general manager&apos;s approval.</source>
        <translation>借用超过一天须经总经理批准。</translation>
    </message>
    <message>
        <source>Check out key %1</source>
        <translation>借出钥匙 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1  ·  %2  ·  hook %3  ·  %n key(s)</source>
        <translation>
            <numerusform>%1  ·  %2  ·  挂钩 %3  ·  %n 把</numerusform>
        </translation>
    </message>
    <message>
        <source>Borrower and loan</source>
        <translation>借用人与借用信息</translation>
    </message>
    <message>
        <source>Borrower &amp;type</source>
        <translation>借用人类别(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Borrower</source>
        <translation>借用人(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>P&amp;urpose</source>
        <translation>借用事由(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Due back</source>
        <translation>应还时间(&amp;D)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Repair / maintenance</source>
        <translation>维修保养</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Cleaning</source>
        <translation>保洁</translation>
    </message>
    <message>
        <source>Meter reading</source>
        <translation>抄表</translation>
    </message>
    <message>
        <source>Renovation check</source>
        <translation>装修巡查</translation>
    </message>
    <message>
        <source>Showing the unit</source>
        <translation>看房</translation>
    </message>
    <message>
        <source>Owner locked out</source>
        <translation>业主忘带钥匙</translation>
    </message>
    <message>
        <source>Required: why the key is needed</source>
        <translation>必填：借用钥匙的原因</translation>
    </message>
    <message>
        <source>Required for contractors</source>
        <translation>施工人员必填</translation>
    </message>
    <message>
        <source>Engineering repair (may stay out overnight)</source>
        <translation>工程维修（可过夜）</translation>
    </message>
    <message>
        <source>Public-area key: manager&apos;s approval</source>
        <translation>公共区域钥匙：管理处经理批准</translation>
    </message>
    <message>
        <source>Agreed by (staff)</source>
        <translation>同意人（员工）</translation>
    </message>
    <message>
        <source>Manager&apos;s user name</source>
        <translation>经理用户名</translation>
    </message>
    <message>
        <source>Manager&apos;s password</source>
        <translation>经理密码</translation>
    </message>
    <message>
        <source>General manager&apos;s approval</source>
        <translation>总经理批准</translation>
    </message>
    <message>
        <source>GM&apos;s user name</source>
        <translation>总经理用户名</translation>
    </message>
    <message>
        <source>GM&apos;s password</source>
        <translation>总经理密码</translation>
    </message>
    <message>
        <source>Borrower&apos;s signature</source>
        <translation>借用人签字</translation>
    </message>
    <message>
        <source>By signing, the borrower returns the key today (unless approved otherwise), does not take it off the premises and does not have it copied.</source>
        <translation>签字即表示借用人当日归还钥匙（经批准的除外），不将钥匙带出小区，不私自配制。</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>Signs on the printed slip instead</source>
        <translation>改在打印的借用单上签字</translation>
    </message>
    <message>
        <source>Print the loan slip</source>
        <translation>打印借用单</translation>
    </message>
    <message>
        <source>Check &amp;out (Ctrl+Enter)</source>
        <translation>借出(&amp;O)（Ctrl+Enter）</translation>
    </message>
</context>
<context>
    <name>ClaimHistoryModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ClaimModel</name>
    <message>
        <source>Issue of</source>
        <translation>报刊日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>报刊名称</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Came later</source>
        <translation>已补到</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Last note</source>
        <translation>最新说明</translation>
    </message>
</context>
<context>
    <name>ClaimsPage</name>
    <message>
        <source>Show resolved claims</source>
        <translation>显示已结案的索赔</translation>
    </message>
    <message>
        <source>History of the claim</source>
        <translation>索赔经过</translation>
    </message>
    <message>
        <source>Copies that came</source>
        <translation>补到份数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>whom you spoke to at the post office, what they said</source>
        <translation>联系了邮局哪位、对方怎么答复</translation>
    </message>
    <message>
        <source>Copies received</source>
        <translation>登记补到</translation>
    </message>
    <message>
        <source>Chased the post office</source>
        <translation>已催邮局</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>%1 open claim(s)</source>
        <translation>未结索赔 %1 件</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>None — the drawer matches</source>
        <translation>无差额——钱箱相符</translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation>长款 %1</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>短款 %1</translation>
    </message>
    <message>
        <source>say why below</source>
        <translation>请在下方说明原因</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>All</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Cash-up and close shift</source>
        <translation>交班结算</translation>
    </message>
    <message>
        <source>Shift of %1 since %2</source>
        <translation>%1 的班次，自 %2 起</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Opening float %1 · expected cash in the drawer %2 · receipts %3 · voids %4</source>
        <translation>备用金 %1 · 钱箱应有现金 %2 · 收据 %3 · 作废 %4</translation>
    </message>
    <message>
        <source>&amp;Counted cash (¥)</source>
        <translation>实点现金（¥）(&amp;C)</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>&amp;Note on the variance</source>
        <translation>差额说明(&amp;N)</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>交班报表</translation>
    </message>
    <message>
        <source>Print on the receipt roll</source>
        <translation>用收据纸卷打印</translation>
    </message>
    <message>
        <source>Print on A4</source>
        <translation>用 A4 打印</translation>
    </message>
    <message>
        <source>C&amp;lose shift</source>
        <translation>交班(&amp;L)</translation>
    </message>
</context>
<context>
    <name>CopyRequestDialog</name>
    <message>
        <source>Copy request (refused)</source>
        <translation>配制钥匙申请（已拒绝）</translation>
    </message>
    <message>
        <source>Copying keys is forbidden. The request is refused and recorded.</source>
        <translation>严禁私配钥匙。此申请予以拒绝并记录在案。</translation>
    </message>
    <message>
        <source>&amp;Requested by</source>
        <translation>申请人(&amp;R)</translation>
    </message>
    <message>
        <source>Name, unit, pinyin initials (zs) or phone tail</source>
        <translation>姓名、房号、拼音首字母（zs）或手机尾号</translation>
    </message>
    <message>
        <source>Reason given</source>
        <translation>申请理由</translation>
    </message>
    <message>
        <source>Record &amp;refusal</source>
        <translation>记录拒绝(&amp;R)</translation>
    </message>
</context>
<context>
    <name>DeliveryModel</name>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>报刊名称</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Delivered to</source>
        <translation>交付方式</translation>
    </message>
    <message>
        <source>Delivered at</source>
        <translation>分发时间</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已分发</translation>
    </message>
    <message>
        <source>Not counted yet</source>
        <translation>尚未清点</translation>
    </message>
    <message>
        <source>Short: waits for the claim</source>
        <translation>短缺：待邮局补送</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>可分发</translation>
    </message>
</context>
<context>
    <name>DocTypes</name>
    <message>
        <source>Mainland ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>HK/Macau/Taiwan permit</source>
        <translation>港澳台通行证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <source>Emergency use of an owner&apos;s spare key</source>
        <translation>紧急动用业主备用钥匙</translation>
    </message>
    <message>
        <source>Tell the owner first; if the owner cannot be reached, the emergency contact. Two staff members are present when the key is used.</source>
        <translation>须先通知业主；联系不上业主时通知其紧急联系人。使用钥匙时须有两名员工在场。</translation>
    </message>
    <message>
        <source>Owner: %1  %2
Emergency contact: %3  %4</source>
        <translation>业主：%1  %2
紧急联系人：%3  %4</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>&amp;Emergency</source>
        <translation>紧急情况(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;What happened</source>
        <translation>事件经过(&amp;W)</translation>
    </message>
    <message>
        <source>Told first</source>
        <translation>事先通知</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>How</source>
        <translation>通知方式</translation>
    </message>
    <message>
        <source>When</source>
        <translation>通知时间</translation>
    </message>
    <message>
        <source>How the owner was tried</source>
        <translation>如何联系业主未果</translation>
    </message>
    <message>
        <source>Staff present (1)</source>
        <translation>在场员工（一）</translation>
    </message>
    <message>
        <source>Staff present (2)</source>
        <translation>在场员工（二）</translation>
    </message>
    <message>
        <source>Record and &amp;take the key</source>
        <translation>记录并取用钥匙(&amp;T)</translation>
    </message>
</context>
<context>
    <name>EndOfDayDialog</name>
    <message>
        <source>End of day: mail not handed over</source>
        <translation>日终：未投递邮件</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) still at the counter. </source>
        <translation>
            <numerusform>前台仍有 %n 件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a reason: mail is delivered the same day, so write why for each.</source>
        <translation>
            <numerusform>%n 件未填原因：邮件须当日投递，请逐件说明原因。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every item has a reason: the day can close.</source>
        <translation>每件都已填写原因，可以日结。</translation>
    </message>
    <message>
        <source>Day closed.</source>
        <translation>已日结。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <source>Reason not handed over</source>
        <translation>未投递原因</translation>
    </message>
    <message>
        <source>Save reasons</source>
        <translation>保存原因</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>日结</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Please check</source>
        <translation>请检查</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>Extend the permit</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Ends %1. An extension needs the written request, handed in before the end.</source>
        <translation>%1 到期。延期须在到期前递交书面申请。</translation>
    </message>
    <message>
        <source>Extra &amp;days</source>
        <translation>延期天数(&amp;D)</translation>
    </message>
    <message>
        <source>New end</source>
        <translation>新到期日</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>&amp;Extend</source>
        <translation>延期(&amp;E)</translation>
    </message>
</context>
<context>
    <name>FeeCatalog</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Default price</source>
        <translation>默认单价</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>押金</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>在用</translation>
    </message>
</context>
<context>
    <name>FeeCatalogDialog</name>
    <message>
        <source>Fee catalogue</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <source>Chinese &amp;name</source>
        <translation>中文名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;English name</source>
        <translation>英文名称(&amp;E)</translation>
    </message>
    <message>
        <source>Default &amp;price (¥)</source>
        <translation>默认单价（¥）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>排序(&amp;O)</translation>
    </message>
    <message>
        <source>A deposit (refunded later with a refund slip)</source>
        <translation>押金（日后凭退款通知书退还）</translation>
    </message>
    <message>
        <source>Offered on new receipts</source>
        <translation>新收据可选</translation>
    </message>
    <message>
        <source>e.g. parking_card (fixed once saved)</source>
        <translation>如 parking_card（保存后不可更改）</translation>
    </message>
    <message>
        <source>&amp;New item</source>
        <translation>新增项目(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save item</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
</context>
<context>
    <name>FeesDialog</name>
    <message>
        <source>Fees paid</source>
        <translation>缴费</translation>
    </message>
    <message>
        <source>Take the money on a receipt first, then type or scan its number here.</source>
        <translation>先开收据收款，再在此输入或扫描收据号。</translation>
    </message>
    <message>
        <source>&amp;Receipt no.</source>
        <translation>收据号(&amp;R)</translation>
    </message>
    <message>
        <source>Renovation deposit (¥)</source>
        <translation>装修押金（¥）</translation>
    </message>
    <message>
        <source>Debris removal (¥)</source>
        <translation>垃圾清运费（¥）</translation>
    </message>
    <message>
        <source>Temporary water (¥)</source>
        <translation>临时用水费（¥）</translation>
    </message>
    <message>
        <source>&amp;Record fees</source>
        <translation>登记缴费(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <source>Host unit</source>
        <translation>被访房号</translation>
    </message>
    <message>
        <source>Host note</source>
        <translation>被访说明</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>访客证</translation>
    </message>
    <message>
        <source>Time in</source>
        <translation>进入时间</translation>
    </message>
    <message>
        <source>Time out</source>
        <translation>离开时间</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Welcome to Reception Desk</source>
        <translation>欢迎使用前台服务台</translation>
    </message>
    <message>
        <source>This database is new. Enter the property&apos;s details (printed on every form) and create the administrator account — or load demo data to try the program first.</source>
        <translation>这是一个新数据库。请填写物业信息（打印在每张单据上）并创建管理员账号——也可以先载入演示数据试用本程序。</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>物业</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>Load &amp;demo data</source>
        <translation>载入演示数据(&amp;D)</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>FoundDialog</name>
    <message>
        <source>Key found</source>
        <translation>钥匙找回</translation>
    </message>
    <message>
        <source>Keys found</source>
        <translation>找回数量</translation>
    </message>
    <message>
        <source>Hook (if another)</source>
        <translation>挂钩（如需更换）</translation>
    </message>
    <message>
        <source>&amp;Where it was found</source>
        <translation>找回经过(&amp;W)</translation>
    </message>
    <message>
        <source>Record &amp;found</source>
        <translation>记录找回(&amp;F)</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over to the owner</source>
        <translation>移交业主</translation>
    </message>
    <message>
        <source>&amp;Received by</source>
        <translation>接收人(&amp;R)</translation>
    </message>
    <message>
        <source>The owner: name, pinyin initials (zs) or phone tail</source>
        <translation>业主：姓名、拼音首字母（zs）或手机尾号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>移交(&amp;H)</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message numerus="yes">
        <source>%1 on hook %2: %3, %n key(s)</source>
        <translation>
            <numerusform>%1 挂钩 %2：%3，%n 把</numerusform>
        </translation>
    </message>
    <message>
        <source>(outstanding entry #%1 opened)</source>
        <translation>（已登记尚未移交 #%1）</translation>
    </message>
    <message>
        <source>Key intake (handover register)</source>
        <translation>钥匙交接验收（钥匙交接验收统计表）</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>房号(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Opens</source>
        <translation>钥匙名称(&amp;O)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>&amp;Hook</source>
        <translation>挂钩(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keys received</source>
        <translation>接收数量(&amp;K)</translation>
    </message>
    <message>
        <source>Full set should have</source>
        <translation>整套应有</translation>
    </message>
    <message>
        <source>Spares sealed</source>
        <translation>封存备用</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Handed over &amp;by</source>
        <translation>移交人(&amp;B)</translation>
    </message>
    <message>
        <source>Settles outstanding</source>
        <translation>对应尚未移交登记</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A-1203, or the owner: name, initials (zs), phone tail</source>
        <translation>A-1203，或业主：姓名、首字母（zs）、手机尾号</translation>
    </message>
    <message>
        <source>e.g. 入户门, A栋天台门, 1号配电房</source>
        <translation>如 入户门、A栋天台门、1号配电房</translation>
    </message>
    <message>
        <source>e.g. A-012</source>
        <translation>如 A-012</translation>
    </message>
    <message>
        <source>as received</source>
        <translation>同接收数量</translation>
    </message>
    <message>
        <source>&amp;Take in (Ctrl+Enter)</source>
        <translation>验收入柜(&amp;T)（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>%1 (%2 days)</source>
        <translation>%1（%2 天）</translation>
    </message>
    <message>
        <source>Issue the permit</source>
        <translation>发放装修施工许可证</translation>
    </message>
    <message>
        <source>Work starts</source>
        <translation>开工日期</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>发证(&amp;I)</translation>
    </message>
</context>
<context>
    <name>IssueReceiptDialog</name>
    <message>
        <source>Unit, name or pinyin initials — pick from the list</source>
        <translation>房号、姓名或拼音首字母——从列表中选择</translation>
    </message>
    <message>
        <source>Name of the company or person</source>
        <translation>单位或个人名称</translation>
    </message>
    <message>
        <source>Issue a receipt</source>
        <translation>开具收据</translation>
    </message>
    <message>
        <source>Payer &amp;is</source>
        <translation>交款人类型(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Payer</source>
        <translation>交款人(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Unit (optional)</source>
        <translation>房号（可选）(&amp;U)</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>收费明细</translation>
    </message>
    <message>
        <source>Paid &amp;by</source>
        <translation>付款方式(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;rint on</source>
        <translation>打印到(&amp;R)</translation>
    </message>
    <message>
        <source>80 mm receipt roll</source>
        <translation>80 mm 收据纸卷</translation>
    </message>
    <message>
        <source>A5, three copies</source>
        <translation>A5，一式三联</translation>
    </message>
    <message>
        <source>Do not print</source>
        <translation>不打印</translation>
    </message>
    <message>
        <source>e.g. A-1203</source>
        <translation>如 A-1203</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>添加一行(&amp;A)</translation>
    </message>
    <message>
        <source>Remo&amp;ve line</source>
        <translation>删除一行(&amp;V)</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>合计：</translation>
    </message>
    <message>
        <source>In words (大写):</source>
        <translation>大写：</translation>
    </message>
    <message>
        <source>&amp;Issue receipt</source>
        <translation>开具收据(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ItemDetailDialog</name>
    <message>
        <source>Item %1</source>
        <translation>邮件 %1</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>(internal)</source>
        <translation>（内部编号）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>已领取</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Reason / note</source>
        <translation>原因/备注</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>相关人</translation>
    </message>
</context>
<context>
    <name>KeyCategories</name>
    <message>
        <source>Owner&apos;s key</source>
        <translation>业主钥匙</translation>
    </message>
    <message>
        <source>Public area</source>
        <translation>公共区域</translation>
    </message>
    <message>
        <source>Equipment room</source>
        <translation>设备房</translation>
    </message>
    <message>
        <source>Store room</source>
        <translation>部门库房</translation>
    </message>
</context>
<context>
    <name>KeyEvents</name>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>找回</translation>
    </message>
    <message>
        <source>Lock changed</source>
        <translation>换锁</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>废弃</translation>
    </message>
    <message>
        <source>Handed over to the owner</source>
        <translation>移交业主</translation>
    </message>
    <message>
        <source>Copy refused</source>
        <translation>拒绝配制</translation>
    </message>
    <message>
        <source>Keys added</source>
        <translation>补交钥匙</translation>
    </message>
</context>
<context>
    <name>KeySlip</name>
    <message>
        <source>Key loan slip</source>
        <translation>钥匙借用单</translation>
    </message>
    <message>
        <source>Monthly key statistics</source>
        <translation>钥匙月度统计表</translation>
    </message>
</context>
<context>
    <name>KeyStatuses</name>
    <message>
        <source>In the cabinet</source>
        <translation>在柜</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>借出</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已废弃</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>已移交</translation>
    </message>
</context>
<context>
    <name>KeyTableModel</name>
    <message>
        <source>Tag</source>
        <translation>钥匙牌</translation>
    </message>
    <message>
        <source>Hook</source>
        <translation>挂钩</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>钥匙名称</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <source>Out since</source>
        <translation>借出时间</translation>
    </message>
    <message>
        <source>Due back</source>
        <translation>应还时间</translation>
    </message>
    <message>
        <source>Overdue: due back %1</source>
        <translation>逾期：应于 %1 归还</translation>
    </message>
    <message>
        <source>Due back soon: %1</source>
        <translation>即将到期：%1</translation>
    </message>
    <message>
        <source>Due for retirement: lock changed three times or set incomplete</source>
        <translation>应报废：已换锁三次或整套不全</translation>
    </message>
    <message>
        <source>Out – overdue</source>
        <translation>借出 – 逾期</translation>
    </message>
    <message>
        <source>Out – due soon</source>
        <translation>借出 – 即将到期</translation>
    </message>
</context>
<context>
    <name>KeyTerms</name>
    <message>
        <source>Fire</source>
        <translation>火警</translation>
    </message>
    <message>
        <source>Flooding</source>
        <translation>跑水</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>业主本人</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>发展商</translation>
    </message>
    <message>
        <source>Engineering</source>
        <translation>工程部</translation>
    </message>
    <message>
        <source>Lock changed three times</source>
        <translation>换锁三次</translation>
    </message>
    <message>
        <source>Set incomplete</source>
        <translation>原装钥匙不齐</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>相符</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Unexpected</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Unknown tag</source>
        <translation>未知钥匙牌</translation>
    </message>
    <message>
        <source>Already scanned</source>
        <translation>已扫描</translation>
    </message>
</context>
<context>
    <name>KeysTab</name>
    <message>
        <source>Checked in %1 (%2) from %3</source>
        <translation>已归还 %1（%2），归还人 %3</translation>
    </message>
    <message>
        <source>Lent %1 (%2) to %3, due back %4</source>
        <translation>已借出 %1（%2）给 %3，应于 %4 归还</translation>
    </message>
    <message>
        <source>Select a key in the list first (or scan its tag).</source>
        <translation>请先在列表中选择钥匙（或扫描钥匙牌）。</translation>
    </message>
    <message>
        <source>%1 is not in the cabinet: %2</source>
        <translation>%1 不在钥匙柜：%2</translation>
    </message>
    <message>
        <source>Select a key that is out first (or scan its tag).</source>
        <translation>请先选择已借出的钥匙（或扫描钥匙牌）。</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Select a key in the list of keys still out.</source>
        <translation>请在未归还钥匙列表中选择一项。</translation>
    </message>
    <message>
        <source>%1 is not out overnight yet: nothing to acknowledge.</source>
        <translation>%1 尚未过夜，无需确认。</translation>
    </message>
    <message>
        <source>%1 is already acknowledged for tonight.</source>
        <translation>%1 今晚已确认。</translation>
    </message>
    <message>
        <source>Acknowledged %1 for tonight</source>
        <translation>已确认 %1 今晚未还</translation>
    </message>
    <message>
        <source>Every key out overnight is acknowledged: the shift can close.</source>
        <translation>所有过夜未还钥匙均已确认，可以交班。</translation>
    </message>
    <message numerus="yes">
        <source>%n key set(s) shown</source>
        <translation>
            <numerusform>显示 %n 套钥匙</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n loan(s) found</source>
        <translation>
            <numerusform>找到 %n 条借用记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) out</source>
        <translation>
            <numerusform>%n 套借出</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 套逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due soon</source>
        <translation>
            <numerusform>%n 套即将到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n out overnight</source>
        <translation>
            <numerusform>%n 套过夜未还</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not acknowledged</source>
        <translation>
            <numerusform>%n 套未确认</numerusform>
        </translation>
    </message>
    <message>
        <source>Keys come back the same day, by %1.</source>
        <translation>钥匙须当日 %1 前归还。</translation>
    </message>
    <message>
        <source>Keys still out (%1)</source>
        <translation>未归还钥匙（%1）</translation>
    </message>
    <message>
        <source>S&amp;can key tag:</source>
        <translation>扫描钥匙牌(&amp;C)：</translation>
    </message>
    <message>
        <source>Scan a tag: out → checked in, in the cabinet → lend it (Ctrl+K)</source>
        <translation>扫描钥匙牌：已借出则归还，在柜则借出（Ctrl+K）</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>&amp;Intake…</source>
        <translation>交接验收(&amp;I)…</translation>
    </message>
    <message>
        <source>Handover register (钥匙交接验收统计表): take keys in from the developer</source>
        <translation>钥匙交接验收统计表：接收开发商移交的钥匙</translation>
    </message>
    <message>
        <source>Outstanding keys…</source>
        <translation>尚未移交钥匙…</translation>
    </message>
    <message>
        <source>Spot check…</source>
        <translation>抽查…</translation>
    </message>
    <message>
        <source>Monthly statistics…</source>
        <translation>月度统计…</translation>
    </message>
    <message>
        <source>Key cabinet</source>
        <translation>钥匙柜</translation>
    </message>
    <message>
        <source>Loan register</source>
        <translation>钥匙借用登记表</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Tag, hook, unit, what it opens or area (Ctrl+F)</source>
        <translation>钥匙牌、挂钩、房号、钥匙名称或区域（Ctrl+F）</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Check &amp;out… (Ctrl+Shift+O)</source>
        <translation>借出(&amp;O)…（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <source>Check &amp;in… (Ctrl+I)</source>
        <translation>归还(&amp;I)…（Ctrl+I）</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>&amp;Emergency use of owner&apos;s key…</source>
        <translation>紧急动用业主钥匙(&amp;E)…</translation>
    </message>
    <message>
        <source>Report &amp;lost…</source>
        <translation>报失(&amp;L)…</translation>
    </message>
    <message>
        <source>Key &amp;found…</source>
        <translation>钥匙找回(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Copy request (refused)…</source>
        <translation>配制申请（拒绝）(&amp;C)…</translation>
    </message>
    <message>
        <source>Lock &amp;changed…</source>
        <translation>换锁(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Retire…</source>
        <translation>报废(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Hand over to owner…</source>
        <translation>移交业主(&amp;H)…</translation>
    </message>
    <message>
        <source>Searc&amp;h:</source>
        <translation>搜索(&amp;H)：</translation>
    </message>
    <message>
        <source>Tag or borrower&apos;s name</source>
        <translation>钥匙牌或借用人姓名</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Still out only</source>
        <translation>仅未归还</translation>
    </message>
    <message>
        <source>&amp;Reprint slip</source>
        <translation>补打借用单(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge… (Ctrl+Shift+A)</source>
        <translation>确认(&amp;A)…（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <source>Close shift…</source>
        <translation>交班检查…</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <source>Fee</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>(other)</source>
        <translation>（其他）</translation>
    </message>
</context>
<context>
    <name>LoadingPage</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>LoanTableModel</name>
    <message>
        <source>Out</source>
        <translation>借出时间</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>钥匙牌</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <source>Borrower type</source>
        <translation>借用人类别</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>ID no.</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Due back</source>
        <translation>应还时间</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>归还时间</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>收回人</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签字</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>遗失</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>out</source>
        <translation>借出中</translation>
    </message>
    <message>
        <source>on screen</source>
        <translation>屏幕签字</translation>
    </message>
    <message>
        <source>on slip</source>
        <translation>借用单签字</translation>
    </message>
</context>
<context>
    <name>LockChangeDialog</name>
    <message>
        <source>Lock changed</source>
        <translation>换锁</translation>
    </message>
    <message>
        <source>Changes so far: %1. After the third the key set is retired.</source>
        <translation>已换锁 %1 次。第三次换锁后该套钥匙报废。</translation>
    </message>
    <message>
        <source>&amp;New keys</source>
        <translation>新钥匙数量(&amp;N)</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>换锁人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record &amp;lock change</source>
        <translation>记录换锁(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Switch operator</source>
        <translation>切换操作员</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Who is working the counter now? Sign in with your own account: everything you record carries your name.</source>
        <translation>现在由谁值班？请用自己的账号登录：您登记的每一条记录都会署上您的名字。</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
</context>
<context>
    <name>LostDialog</name>
    <message>
        <source>Report key lost</source>
        <translation>钥匙报失</translation>
    </message>
    <message>
        <source>Keys lost</source>
        <translation>遗失数量</translation>
    </message>
    <message>
        <source>Lost by</source>
        <translation>遗失人</translation>
    </message>
    <message>
        <source>&amp;What happened</source>
        <translation>遗失经过(&amp;W)</translation>
    </message>
    <message>
        <source>Report &amp;lost</source>
        <translation>报失(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Visitors</source>
        <translation>访客登记</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>钥匙管理</translation>
    </message>
    <message>
        <source>Parcels &amp;&amp; mail</source>
        <translation>邮件包裹</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>报修</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>收款收据</translation>
    </message>
    <message>
        <source>Newspapers</source>
        <translation>报刊</translation>
    </message>
    <message>
        <source>Renovation</source>
        <translation>装修</translation>
    </message>
    <message>
        <source>About Reception Desk</source>
        <translation>关于前台服务台</translation>
    </message>
    <message>
        <source>Reception Desk %1
The reception counter of a managed property.</source>
        <translation>前台服务台 %1
物业服务中心前台的日常工作软件。</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation>操作员：%1（%2）</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Reception Desk</source>
        <translation>前台服务台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Switch operator…</source>
        <translation>切换操作员(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>签退(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Occupant &amp;directory…</source>
        <translation>业户档案(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Reception Desk</source>
        <translation>关于前台服务台(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Please correct the highlighted fields.</source>
        <translation>请更正标出的栏目。</translation>
    </message>
    <message>
        <source>Enter the ID number.</source>
        <translation>请输入证件号码。</translation>
    </message>
    <message>
        <source>A mainland ID number has 18 characters, not {length}.</source>
        <translation>居民身份证号码应为 18 位，而不是 {length} 位。</translation>
    </message>
    <message>
        <source>An ID number is 17 digits followed by a digit or X.</source>
        <translation>身份证号码由 17 位数字加一位数字或 X 组成。</translation>
    </message>
    <message>
        <source>The first digits are not a valid region code.</source>
        <translation>前几位不是有效的地区代码。</translation>
    </message>
    <message>
        <source>The date of birth in this ID number is not valid.</source>
        <translation>身份证号码中的出生日期无效。</translation>
    </message>
    <message>
        <source>The check digit does not match: please re-check the ID number.</source>
        <translation>校验位不符：请重新核对身份证号码。</translation>
    </message>
    <message>
        <source>Choose a document type.</source>
        <translation>请选择证件类型。</translation>
    </message>
    <message>
        <source>Enter the document number.</source>
        <translation>请输入证件号码。</translation>
    </message>
    <message>
        <source>A permit number is H/M + 8 digits (Hong Kong/Macau) or 8 digits (Taiwan).</source>
        <translation>通行证号码为 H/M 加 8 位数字（港澳）或 8 位数字（台湾）。</translation>
    </message>
    <message>
        <source>A passport number is 5–20 letters and digits.</source>
        <translation>护照号码为 5–20 位字母和数字。</translation>
    </message>
    <message>
        <source>The document number is too long or contains invalid characters.</source>
        <translation>证件号码过长或含有无效字符。</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>请输入电话号码。</translation>
    </message>
    <message>
        <source>Not a phone number: use a mobile (11 digits), an area code + number, or +country code.</source>
        <translation>不是有效的电话号码：请填写 11 位手机号、区号加号码，或 +国家代码。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits, not {length}.</source>
        <translation>手机号码应为 11 位，而不是 {length} 位。</translation>
    </message>
    <message>
        <source>A mobile number starts with 13–19.</source>
        <translation>手机号码以 13–19 开头。</translation>
    </message>
    <message>
        <source>Not a vehicle plate such as 粤B12345.</source>
        <translation>不是有效的车牌号（例如 粤B12345）。</translation>
    </message>
    <message>
        <source>A badge number is letters, digits and dashes only.</source>
        <translation>访客证号只能包含字母、数字和短横线。</translation>
    </message>
    <message>
        <source>Enter the name.</source>
        <translation>请输入姓名。</translation>
    </message>
    <message>
        <source>At most {max} characters.</source>
        <translation>最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>Contains invisible control characters.</source>
        <translation>含有不可见的控制字符。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此栏必填。</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Use letters, digits, dot, dash or underscore.</source>
        <translation>只能使用字母、数字、点、短横线或下划线。</translation>
    </message>
    <message>
        <source>This user name is already taken.</source>
        <translation>该用户名已被使用。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <source>At least {min} characters.</source>
        <translation>至少 {min} 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>This database already has an administrator.</source>
        <translation>此数据库已有管理员。</translation>
    </message>
    <message>
        <source>No such staff account.</source>
        <translation>没有这个员工账号。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Please sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>This needs a {role} or above.</source>
        <translation>此操作需要{role}或以上权限。</translation>
    </message>
    <message>
        <source>Use a 24-hour time such as 22:00.</source>
        <translation>请使用 24 小时制时间，例如 22:00。</translation>
    </message>
    <message>
        <source>Unknown setting {key}.</source>
        <translation>未知的设置项 {key}。</translation>
    </message>
    <message>
        <source>Between 1 and 72 hours.</source>
        <translation>应在 1 到 72 小时之间。</translation>
    </message>
    <message>
        <source>Between 7 and 3650 days.</source>
        <translation>应在 7 到 3650 天之间。</translation>
    </message>
    <message>
        <source>A building with this code exists.</source>
        <translation>已有相同编号的楼栋。</translation>
    </message>
    <message>
        <source>No such building.</source>
        <translation>没有这个楼栋。</translation>
    </message>
    <message>
        <source>A unit with this number exists.</source>
        <translation>已有相同的房号。</translation>
    </message>
    <message>
        <source>No unit {unit} in the directory.</source>
        <translation>业户档案中没有房号 {unit}。</translation>
    </message>
    <message>
        <source>Owner or tenant?</source>
        <translation>业主还是租户？</translation>
    </message>
    <message>
        <source>Pick an occupant from the directory.</source>
        <translation>请从业户档案中选择业户。</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Between 1 and {max} people.</source>
        <translation>人数应在 1 到 {max} 之间。</translation>
    </message>
    <message>
        <source>Whom do they visit? Pick an occupant or unit, or write a note.</source>
        <translation>拜访谁？请选择业户或房号，或填写说明。</translation>
    </message>
    <message>
        <source>This badge is still held by {name}.</source>
        <translation>该访客证仍在 {name} 手中。</translation>
    </message>
    <message>
        <source>No such visit.</source>
        <translation>没有这条来访记录。</translation>
    </message>
    <message>
        <source>No visitor on site holds badge {badge}.</source>
        <translation>在场访客中没有人持有访客证 {badge}。</translation>
    </message>
    <message>
        <source>{name} (badge {badge}) already signed out at {time_out}.</source>
        <translation>{name}（访客证 {badge}）已于 {time_out} 离开。</translation>
    </message>
    <message>
        <source>This field cannot be amended.</source>
        <translation>此栏不能更正。</translation>
    </message>
    <message>
        <source>The time in is not valid.</source>
        <translation>进入时间无效。</translation>
    </message>
    <message>
        <source>The time out is before the time in.</source>
        <translation>离开时间早于进入时间。</translation>
    </message>
    <message>
        <source>A signed-out visit keeps a time out.</source>
        <translation>已离开的访客必须保留离开时间。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有任何改动。</translation>
    </message>
    <message>
        <source>The database file is on a network share ({path}); SQLite must be on a local disk. Use PostgreSQL for several counters.</source>
        <translation>数据库文件位于网络共享（{path}）；SQLite 必须放在本地磁盘。多个前台共用请使用 PostgreSQL。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Reception Desk (schema {revision}). Please install the newer version.</source>
        <translation>此数据库由更新版本的前台服务台写入（结构版本 {revision}）。请安装新版本。</translation>
    </message>
    <message>
        <source>The database could not be upgraded: {cause}. Nothing was changed; a backup is at {backup}.</source>
        <translation>数据库升级失败：{cause}。数据未作任何改动；备份位于 {backup}。</translation>
    </message>
    <message>
        <source>The database could not be opened: {cause}</source>
        <translation>无法打开数据库：{cause}</translation>
    </message>
    <message>
        <source>Something went wrong: {cause}. The details are in the log file {log}.</source>
        <translation>出现错误：{cause}。详细信息已记入日志文件 {log}。</translation>
    </message>
    <message>
        <source>The database is busy (another counter is writing). Nothing was saved; please try again.</source>
        <translation>数据库正忙（另一个前台正在写入）。本次未保存任何内容，请重试。</translation>
    </message>
    <message>
        <source>The database could not save: {cause}. Nothing was saved.</source>
        <translation>数据库无法保存：{cause}。本次未保存任何内容。</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved: free some space and try again.</source>
        <translation>磁盘已满，本次未保存任何内容：请清理空间后重试。</translation>
    </message>
    <message>
        <source>The database is not available: {cause}. Nothing was saved.</source>
        <translation>数据库不可用：{cause}。本次未保存任何内容。</translation>
    </message>
    <message>
        <source>Demo data goes only into an empty database; this one already has accounts.</source>
        <translation>演示数据只能载入空数据库；此数据库已有账号。</translation>
    </message>
    <message>
        <source>This user name is reserved.</source>
        <translation>此用户名为系统保留。</translation>
    </message>
    <message>
        <source>The system account cannot be changed.</source>
        <translation>系统账号不能修改。</translation>
    </message>
    <message>
        <source>The time out is in the future.</source>
        <translation>离开时间不能晚于现在。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date (use YYYY-MM-DD).</source>
        <translation>“{value}”不是日期（请使用 YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>The file has no rows.</source>
        <translation>文件中没有数据行。</translation>
    </message>
    <message>
        <source>The header row lacks the column(s) {columns}.</source>
        <translation>表头缺少以下列：{columns}。</translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor GBK text.</source>
        <translation>文件既不是 UTF-8 也不是 GBK 编码的文本。</translation>
    </message>
    <message>
        <source>The file is not valid CSV: {reason}</source>
        <translation>文件不是有效的 CSV：{reason}</translation>
    </message>
    <message>
        <source>The file is not a valid XLSX workbook: {reason}</source>
        <translation>文件不是有效的 XLSX 工作簿：{reason}</translation>
    </message>
    <message>
        <source>Old .xls workbooks are not supported: save it as .xlsx or CSV.</source>
        <translation>不支持旧版 .xls 工作簿：请另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>Unit {unit} does not belong to building {building}.</source>
        <translation>房号 {unit} 不属于楼栋 {building}。</translation>
    </message>
    <message>
        <source>Cannot tell the building of unit {unit}: add a building column.</source>
        <translation>无法判断房号 {unit} 所属楼栋：请增加“楼栋”列。</translation>
    </message>
    <message>
        <source>{name} of {unit} is already in the directory.</source>
        <translation>{unit} 的 {name} 已在业户档案中。</translation>
    </message>
    <message>
        <source>{name} of {unit} is already on row {first_row}.</source>
        <translation>{unit} 的 {name} 已出现在第 {first_row} 行。</translation>
    </message>
    <message>
        <source>Scan ignored: the code is longer than {max} characters.</source>
        <translation>扫描已忽略：条码超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>Scan ignored: the scanner sent bytes that are neither UTF-8 nor GBK text.</source>
        <translation>扫描已忽略：扫描枪发送的字节既不是 UTF-8 也不是 GBK 文本。</translation>
    </message>
    <message>
        <source>Scan ignored: it contains an invalid character ({char}). Wrong baud rate or a loose cable?</source>
        <translation>扫描已忽略：含有无效字符（{char}）。波特率设置错误或线缆松动？</translation>
    </message>
    <message>
        <source>Scan ignored: nothing left after removing the prefix, suffix and code type.</source>
        <translation>扫描已忽略：去掉前缀、后缀和码制标识后没有内容。</translation>
    </message>
    <message>
        <source>An incomplete scan was dropped: please scan again.</source>
        <translation>不完整的扫描已丢弃，请重新扫描。</translation>
    </message>
    <message>
        <source>{text} was read twice within {seconds} s: the second read was ignored.</source>
        <translation>{text} 在 {seconds} 秒内被读取了两次，第二次已忽略。</translation>
    </message>
    <message>
        <source>Scanner port {port} cannot be opened: {reason}</source>
        <translation>无法打开扫描枪端口 {port}：{reason}</translation>
    </message>
    <message>
        <source>Scanner on {port} disconnected; reconnecting when it is back.</source>
        <translation>{port} 上的扫描枪已断开，重新接入后将自动连接。</translation>
    </message>
    <message>
        <source>The scanner on {port} failed ({reason}); reconnecting.</source>
        <translation>{port} 上的扫描枪出错（{reason}），正在重新连接。</translation>
    </message>
    <message>
        <source>The scanner settings file {path} is damaged ({reason}); please set the scanners up again.</source>
        <translation>扫描枪设置文件 {path} 已损坏（{reason}），请重新设置扫描枪。</translation>
    </message>
    <message>
        <source>The scanner settings could not be saved to {path}: {reason}</source>
        <translation>扫描枪设置无法保存到 {path}：{reason}</translation>
    </message>
    <message>
        <source>Give the scanner a name.</source>
        <translation>请为扫描枪命名。</translation>
    </message>
    <message>
        <source>Another scanner is called {name}.</source>
        <translation>已有扫描枪名为 {name}。</translation>
    </message>
    <message>
        <source>Choose or type the port (COM3, /dev/ttyUSB0, socket://host:port).</source>
        <translation>请选择或输入端口（COM3、/dev/ttyUSB0、socket://主机:端口）。</translation>
    </message>
    <message>
        <source>Another scanner uses {port}.</source>
        <translation>另一台扫描枪已使用 {port}。</translation>
    </message>
    <message>
        <source>Not a standard baud rate (most scanners use 9600).</source>
        <translation>不是标准波特率（多数扫描枪为 9600）。</translation>
    </message>
    <message>
        <source>Data bits are 5, 6, 7 or 8.</source>
        <translation>数据位为 5、6、7 或 8。</translation>
    </message>
    <message>
        <source>Choose a parity.</source>
        <translation>请选择校验方式。</translation>
    </message>
    <message>
        <source>Stop bits are 1, 1.5 or 2.</source>
        <translation>停止位为 1、1.5 或 2。</translation>
    </message>
    <message>
        <source>Choose CR, LF, CR+LF or none.</source>
        <translation>请选择 CR、LF、CR+LF 或无。</translation>
    </message>
    <message>
        <source>Between {min} and {max} ms.</source>
        <translation>应在 {min} 至 {max} 毫秒之间。</translation>
    </message>
    <message>
        <source>A prefix or suffix cannot contain a line end.</source>
        <translation>前缀或后缀不能包含换行符。</translation>
    </message>
    <message>
        <source>USB vendor and product IDs are both given, 0000–FFFF.</source>
        <translation>USB 厂商 ID 和产品 ID 须同时给出，范围 0000–FFFF。</translation>
    </message>
    <message>
        <source>Between {min} and {max} characters.</source>
        <translation>应在 {min} 至 {max} 个字符之间。</translation>
    </message>
    <message>
        <source>The recognition rules must be a list of at most {max} rules.</source>
        <translation>识别规则须为列表，最多 {max} 条。</translation>
    </message>
    <message>
        <source>Rule {row}: choose what the code is.</source>
        <translation>第 {row} 条规则：请选择条码类别。</translation>
    </message>
    <message>
        <source>Rule {row}: enter a pattern.</source>
        <translation>第 {row} 条规则：请输入匹配模式。</translation>
    </message>
    <message>
        <source>Rule {row}: the pattern has more than {max} characters.</source>
        <translation>第 {row} 条规则：匹配模式超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>Rule {row}: the description has more than {max} characters.</source>
        <translation>第 {row} 条规则：说明超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>Rule {row}: the pattern is not a valid regular expression ({reason}).</source>
        <translation>第 {row} 条规则：匹配模式不是有效的正则表达式（{reason}）。</translation>
    </message>
    <message>
        <source>The carrier rules must be a list of at most {max} rules.</source>
        <translation>快递公司识别规则必须是最多 {max} 条规则的列表。</translation>
    </message>
    <message>
        <source>Carrier rule {row}: the carrier code is lower-case letters, digits and _ (not &quot;other&quot;).</source>
        <translation>快递公司规则 {row}：公司代码只能由小写字母、数字和 _ 组成（不能是“other”）。</translation>
    </message>
    <message>
        <source>Carrier rule {row}: enter the carrier&apos;s Chinese and English names.</source>
        <translation>快递公司规则 {row}：请填写快递公司的中文和英文名称。</translation>
    </message>
    <message>
        <source>Carrier rule {row}: a name has more than {max} characters.</source>
        <translation>快递公司规则 {row}：名称超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>Carrier rule {row}: enter a pattern.</source>
        <translation>快递公司规则 {row}：请输入匹配模式。</translation>
    </message>
    <message>
        <source>Carrier rule {row}: the pattern has more than {max} characters.</source>
        <translation>快递公司规则 {row}：匹配模式超过 {max} 个字符。</translation>
    </message>
    <message>
        <source>Carrier rule {row}: the pattern is not a valid regular expression ({reason}).</source>
        <translation>快递公司规则 {row}：匹配模式不是有效的正则表达式（{reason}）。</translation>
    </message>
    <message>
        <source>Carrier rule {row}: unknown check-digit method {check}.</source>
        <translation>快递公司规则 {row}：未知的校验位算法 {check}。</translation>
    </message>
    <message>
        <source>No such item in the parcel register.</source>
        <translation>邮件登记中没有此邮件。</translation>
    </message>
    <message>
        <source>No such pick-up in the register.</source>
        <translation>登记中没有此领取记录。</translation>
    </message>
    <message>
        <source>{code} was already received on {at} (now: {state}). A second scan of the same item is not registered.</source>
        <translation>{code} 已于 {at} 登记收件（当前：{state}）。同一邮件重复扫描不再登记。</translation>
    </message>
    <message>
        <source>This is not a usable tracking number: leave it empty to give the item an internal number.</source>
        <translation>此单号无法使用：留空即为该邮件编内部编号。</translation>
    </message>
    <message>
        <source>Choose the kind of item.</source>
        <translation>请选择邮件类型。</translation>
    </message>
    <message>
        <source>This occupant does not live in the unit chosen.</source>
        <translation>该住户不属于所选房号。</translation>
    </message>
    <message>
        <source>Enter the recipient&apos;s unit.</source>
        <translation>请输入收件房号。</translation>
    </message>
    <message>
        <source>Select at least one item.</source>
        <translation>请至少选择一件邮件。</translation>
    </message>
    <message>
        <source>At most {max} items at once.</source>
        <translation>一次最多 {max} 件。</translation>
    </message>
    <message>
        <source>{code} is not waiting at the counter (now: {state}).</source>
        <translation>{code} 不在前台待领（当前：{state}）。</translation>
    </message>
    <message>
        <source>{code} was already picked up on {at} by {name}.</source>
        <translation>{code} 已于 {at} 由 {name} 领取。</translation>
    </message>
    <message>
        <source>{code} has no recipient yet: assign a unit first.</source>
        <translation>{code} 尚未指定收件人：请先指定房号。</translation>
    </message>
    <message>
        <source>The items selected are for different units: hand them over one unit at a time.</source>
        <translation>所选邮件属于不同房号：请按房号分别交付。</translation>
    </message>
    <message>
        <source>The recipient signs: on screen or on the paper register.</source>
        <translation>领取人须签字：在屏幕上或在纸质登记表上。</translation>
    </message>
    <message>
        <source>The signature image is not valid.</source>
        <translation>签名图像无效。</translation>
    </message>
    <message>
        <source>Someone else is picking up: check their ID and tick &quot;ID checked&quot;.</source>
        <translation>代领：请核验证件并勾选“已核验证件”。</translation>
    </message>
    <message>
        <source>{count} item(s) not handed over today have no reason recorded (first: {first}).</source>
        <translation>今日有 {count} 件未交付的邮件未记录原因（第一件：{first}）。</translation>
    </message>
    <message>
        <source>{code} has not been waiting {days} days yet.</source>
        <translation>{code} 待领未满 {days} 天。</translation>
    </message>
    <message>
        <source>{code} is not with the supervisor (now: {state}).</source>
        <translation>{code} 未上报主管（当前：{state}）。</translation>
    </message>
    <message>
        <source>Choose what happens to the item.</source>
        <translation>请选择处理结果。</translation>
    </message>
    <message>
        <source>Choose lost or damaged.</source>
        <translation>请选择丢失或损坏。</translation>
    </message>
    <message>
        <source>No such courier batch.</source>
        <translation>没有此快递批次。</translation>
    </message>
    <message>
        <source>This courier batch is already checked and closed.</source>
        <translation>此快递批次已核对并关闭。</translation>
    </message>
    <message>
        <source>Enter a count from 0 to {max}.</source>
        <translation>请输入 0 至 {max} 之间的件数。</translation>
    </message>
    <message>
        <source>Enter the count the courier hands over, or import their list.</source>
        <translation>请输入快递员交付的件数，或导入其清单。</translation>
    </message>
    <message>
        <source>Line {line} of the list is not a usable tracking number.</source>
        <translation>清单第 {line} 行不是有效的单号。</translation>
    </message>
    <message>
        <source>The list is neither UTF-8 nor GB18030 text.</source>
        <translation>清单既不是 UTF-8 也不是 GB18030 文本。</translation>
    </message>
    <message>
        <source>The list has more than {max} numbers.</source>
        <translation>清单超过 {max} 个单号。</translation>
    </message>
    <message>
        <source>Enter a valid e-mail address.</source>
        <translation>请输入有效的电子邮件地址。</translation>
    </message>
    <message>
        <source>Someone else is picking up: enter their relation to the recipient.</source>
        <translation>代领：请填写代领人与收件人的关系。</translation>
    </message>
    <message>
        <source>{code} is not in the parcel register. Switch to Intake to register it.</source>
        <translation>{code} 不在邮件登记中。请切换到“收件”登记。</translation>
    </message>
    <message>
        <source>E-mail is not set up: enter the SMTP server and sender in Settings.</source>
        <translation>未设置电子邮件：请在设置中填写 SMTP 服务器和发件人。</translation>
    </message>
    <message>
        <source>The mail server {host} refused the user name or password.</source>
        <translation>邮件服务器 {host} 拒绝了用户名或密码。</translation>
    </message>
    <message>
        <source>The notice could not be sent through {host} ({reason}).</source>
        <translation>无法通过 {host} 发送通知（{reason}）。</translation>
    </message>
    <message>
        <source>This document has no valid kind.</source>
        <translation>这份文档的类型无效。</translation>
    </message>
    <message>
        <source>The document reference is longer than 80 characters.</source>
        <translation>文档编号超过 80 个字符。</translation>
    </message>
    <message>
        <source>Unknown print outcome.</source>
        <translation>未知的打印结果。</translation>
    </message>
    <message>
        <source>Enter from {min} to {max} copies.</source>
        <translation>请输入 {min} 到 {max} 份。</translation>
    </message>
    <message>
        <source>Enter a number of days from 1 to 365.</source>
        <translation>请输入 1 至 365 之间的天数。</translation>
    </message>
    <message>
        <source>Enter a port from 1 to 65535.</source>
        <translation>请输入 1 至 65535 之间的端口。</translation>
    </message>
    <message>
        <source>Choose STARTTLS, SSL or none.</source>
        <translation>请选择 STARTTLS、SSL 或无。</translation>
    </message>
    <message>
        <source>This value is too long or has line breaks.</source>
        <translation>此值过长或含有换行。</translation>
    </message>
    <message>
        <source>Enter the sender as an e-mail address.</source>
        <translation>请以电子邮件地址填写发件人。</translation>
    </message>
    <message>
        <source>No such key in the cabinet register.</source>
        <translation>钥匙登记中没有这把钥匙。</translation>
    </message>
    <message>
        <source>No key has the tag {tag}.</source>
        <translation>没有钥匙牌号为 {tag} 的钥匙。</translation>
    </message>
    <message>
        <source>Key {tag} is out: {name} has had it since {since}.</source>
        <translation>钥匙 {tag} 已借出：{name} 自 {since} 借用。</translation>
    </message>
    <message>
        <source>Key {tag} is in the cabinet, not out.</source>
        <translation>钥匙 {tag} 在钥匙柜中，未借出。</translation>
    </message>
    <message>
        <source>Key {tag} is reported lost: record it as found first.</source>
        <translation>钥匙 {tag} 已报失：请先登记找回。</translation>
    </message>
    <message>
        <source>Key {tag} is retired and no longer in use.</source>
        <translation>钥匙 {tag} 已废弃，不再使用。</translation>
    </message>
    <message>
        <source>Key {tag} was handed over to the owner.</source>
        <translation>钥匙 {tag} 已移交业主。</translation>
    </message>
    <message>
        <source>Choose what the key is for: owner&apos;s unit, public area, equipment room or store room.</source>
        <translation>请选择钥匙类别：业主房屋、公共区域、设备房或部门库房。</translation>
    </message>
    <message>
        <source>Between 1 and {max} keys.</source>
        <translation>钥匙数量为 1 至 {max} 把。</translation>
    </message>
    <message>
        <source>At most {max} keys.</source>
        <translation>最多 {max} 把。</translation>
    </message>
    <message>
        <source>The full set cannot have fewer keys than were received.</source>
        <translation>整套钥匙数量不能少于接收数量。</translation>
    </message>
    <message>
        <source>Enter the hook in the cabinet (e.g. A-012).</source>
        <translation>请输入钥匙柜挂钩号（如 A-012）。</translation>
    </message>
    <message>
        <source>A hook is letters, digits and dashes, up to 16 characters.</source>
        <translation>挂钩号由字母、数字和短横线组成，最多 16 个字符。</translation>
    </message>
    <message>
        <source>Hook {hook} already holds key {tag}.</source>
        <translation>挂钩 {hook} 已挂有钥匙 {tag}。</translation>
    </message>
    <message>
        <source>An owner&apos;s key needs the unit it opens.</source>
        <translation>业主钥匙须注明对应房号。</translation>
    </message>
    <message>
        <source>Pick an occupant of this key&apos;s unit.</source>
        <translation>请选择该钥匙对应房屋的业户。</translation>
    </message>
    <message>
        <source>Choose who handed the keys over: developer, owner or engineering.</source>
        <translation>请选择交钥匙方：发展商、业主或工程部。</translation>
    </message>
    <message>
        <source>One public-area key stays in the cabinet; the spares are sealed with security.</source>
        <translation>公共区域钥匙柜中只留存一把，其余交安全部封存。</translation>
    </message>
    <message>
        <source>Only public-area spares are sealed with security.</source>
        <translation>只有公共区域的备用钥匙交安全部封存。</translation>
    </message>
    <message>
        <source>No such entry in the outstanding-keys register.</source>
        <translation>尚未移交钥匙统计表中没有这一项。</translation>
    </message>
    <message>
        <source>This outstanding-keys entry is already closed.</source>
        <translation>这一项尚未移交钥匙已结清。</translation>
    </message>
    <message>
        <source>Choose who borrows: staff, contractor or occupant.</source>
        <translation>请选择借用人类型：员工、外包单位或业户。</translation>
    </message>
    <message>
        <source>An owner&apos;s key is lent only to an occupant of that unit.</source>
        <translation>业主钥匙只能借给该房屋的业户。</translation>
    </message>
    <message>
        <source>The return time must be later than now.</source>
        <translation>归还时间须晚于现在。</translation>
    </message>
    <message>
        <source>A public-area key needs the name of the staff member who agreed.</source>
        <translation>借用公共区域钥匙须填写同意的管理人员姓名。</translation>
    </message>
    <message>
        <source>A public-area key needs the manager&apos;s approval: the manager enters their user name and password.</source>
        <translation>借用公共区域钥匙须经管理处经理批准：请经理输入本人用户名和密码。</translation>
    </message>
    <message>
        <source>A loan longer than one day needs the general manager&apos;s approval.</source>
        <translation>借用一天以上须经总经理批准。</translation>
    </message>
    <message>
        <source>Keys come back the same day, by {end}. Overnight only for an engineering repair or with the general manager&apos;s approval.</source>
        <translation>钥匙须当日 {end} 前归还，不得过夜；工程维修或经总经理批准者除外。</translation>
    </message>
    <message>
        <source>The approver enters their user name and password.</source>
        <translation>请批准人输入本人用户名和密码。</translation>
    </message>
    <message>
        <source>The approver&apos;s user name or password is wrong.</source>
        <translation>批准人的用户名或密码错误。</translation>
    </message>
    <message>
        <source>{name} cannot approve this: it needs a {role} or above.</source>
        <translation>{name} 无权批准：须由{role}或以上人员批准。</translation>
    </message>
    <message>
        <source>Nobody approves their own loan.</source>
        <translation>不能批准本人的借用。</translation>
    </message>
    <message>
        <source>The borrower signs on the screen or on the printed slip.</source>
        <translation>借用人须在屏幕上或打印的借用单上签字。</translation>
    </message>
    <message>
        <source>The signature is not a PNG image.</source>
        <translation>签名不是 PNG 图片。</translation>
    </message>
    <message>
        <source>The signature image is too large.</source>
        <translation>签名图片过大。</translation>
    </message>
    <message>
        <source>{missing} key(s) did not come back: say what happened (they are recorded as lost).</source>
        <translation>有 {missing} 把钥匙未归还：请说明情况（将按丢失登记）。</translation>
    </message>
    <message>
        <source>The time is in the future.</source>
        <translation>时间晚于现在。</translation>
    </message>
    <message>
        <source>The return time is before the loan or in the future.</source>
        <translation>归还时间早于借出时间或晚于现在。</translation>
    </message>
    <message>
        <source>No such loan.</source>
        <translation>没有这条借用记录。</translation>
    </message>
    <message>
        <source>This key has already come back.</source>
        <translation>这把钥匙已归还。</translation>
    </message>
    <message>
        <source>This key is not out overnight yet (the day ends at {end}).</source>
        <translation>这把钥匙尚未过夜（当日截止时间 {end}）。</translation>
    </message>
    <message>
        <source>This key was already acknowledged for tonight.</source>
        <translation>这把钥匙今晚已确认过。</translation>
    </message>
    <message>
        <source>{count} key(s) still out overnight must be acknowledged before the shift closes: {tags}.</source>
        <translation>交班前须逐一确认过夜未还的 {count} 把钥匙：{tags}。</translation>
    </message>
    <message>
        <source>Emergency use is for an owner&apos;s spare key.</source>
        <translation>紧急动用仅适用于业主备用钥匙。</translation>
    </message>
    <message>
        <source>Choose the emergency: fire, flooding or other.</source>
        <translation>请选择紧急情况：火警、跑水或其他。</translation>
    </message>
    <message>
        <source>Tell the owner first (or, if unreachable, the emergency contact) and record whom.</source>
        <translation>须先通知业主本人（联系不上时通知紧急联系人），并记录通知了谁。</translation>
    </message>
    <message>
        <source>Choose how they were told.</source>
        <translation>请选择通知方式。</translation>
    </message>
    <message>
        <source>The owner must be told before the key is used.</source>
        <translation>须在动用钥匙之前通知业主。</translation>
    </message>
    <message>
        <source>That call was more than {hours} hours ago: tell them again now.</source>
        <translation>上次通知已超过 {hours} 小时：请现在再次通知。</translation>
    </message>
    <message>
        <source>Say how the owner was tried before calling the emergency contact.</source>
        <translation>请说明联系紧急联系人之前如何尝试联系业主本人。</translation>
    </message>
    <message>
        <source>Two different staff members must be present.</source>
        <translation>须有两名不同的工作人员在场。</translation>
    </message>
    <message>
        <source>A lent key lost: report all {quantity} lent; if some came back, take them back instead.</source>
        <translation>借出的钥匙丢失：请按借出的 {quantity} 把报失；如有部分归还，请办理归还。</translation>
    </message>
    <message>
        <source>Key {tag} has all its keys: nothing to find.</source>
        <translation>钥匙 {tag} 数量齐全，无需登记找回。</translation>
    </message>
    <message>
        <source>Choose why: lock changed three times, or set incomplete.</source>
        <translation>请选择废弃原因：换锁三次，或原装钥匙不齐。</translation>
    </message>
    <message>
        <source>Retiring a key needs a manager&apos;s approval: the manager enters their user name and password.</source>
        <translation>废弃钥匙须经理批准：请经理输入本人用户名和密码。</translation>
    </message>
    <message>
        <source>The lock was changed {count} time(s); a key is retired after {needed}.</source>
        <translation>门锁已更换 {count} 次；更换 {needed} 次才废弃。</translation>
    </message>
    <message>
        <source>This set is complete.</source>
        <translation>这套钥匙是齐全的。</translation>
    </message>
    <message>
        <source>Who in engineering receives the retired keys?</source>
        <translation>废弃钥匙由工程部哪位接收？</translation>
    </message>
    <message>
        <source>A spot check is already in progress: finish it first.</source>
        <translation>已有一次抽查正在进行：请先完成。</translation>
    </message>
    <message>
        <source>No such spot check.</source>
        <translation>没有这次抽查。</translation>
    </message>
    <message>
        <source>This spot check is already finished.</source>
        <translation>这次抽查已完成。</translation>
    </message>
    <message>
        <source>This spot check is still in progress.</source>
        <translation>这次抽查尚未完成。</translation>
    </message>
    <message>
        <source>Choose a month.</source>
        <translation>请选择月份。</translation>
    </message>
    <message>
        <source>Between 5 and 1440 minutes.</source>
        <translation>5 至 1440 分钟。</translation>
    </message>
    <message>
        <source>No repair slip {number}.</source>
        <translation>没有报修单 {number}。</translation>
    </message>
    <message>
        <source>This step is not possible while the slip is {state}.</source>
        <translation>报修单处于“{state}”状态，不能执行此步骤。</translation>
    </message>
    <message>
        <source>Choose urgent or ordinary.</source>
        <translation>请选择急修或一般。</translation>
    </message>
    <message>
        <source>Choose where the request came from.</source>
        <translation>请选择报修来源。</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>请选择类别。</translation>
    </message>
    <message>
        <source>Each category needs a code, a Chinese name and a rate (at most two decimals).</source>
        <translation>每个类别需要代码、中文名称和收费标准（最多两位小数）。</translation>
    </message>
    <message>
        <source>That occupant is not in the directory.</source>
        <translation>业户档案中没有此人。</translation>
    </message>
    <message>
        <source>Enter the unit or the public-area location.</source>
        <translation>请输入房号或公共部位。</translation>
    </message>
    <message>
        <source>A photo must be a PNG or JPEG image.</source>
        <translation>照片须为 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <source>A photo may be at most {max} MB.</source>
        <translation>每张照片不得超过 {max} MB。</translation>
    </message>
    <message>
        <source>Enter an amount such as 30 or 45.50.</source>
        <translation>请输入金额，如 30 或 45.50。</translation>
    </message>
    <message>
        <source>Choose pass, fail or poor quality.</source>
        <translation>请选择合格、不合格或质量不佳。</translation>
    </message>
    <message>
        <source>The occupant supplied materials: record the check result.</source>
        <translation>业主自备材料，请填写检验结果。</translation>
    </message>
    <message>
        <source>This repair has no charge to settle.</source>
        <translation>此报修单没有需要结算的费用。</translation>
    </message>
    <message>
        <source>The charge has not been settled at the counter yet.</source>
        <translation>费用尚未在前台结算。</translation>
    </message>
    <message>
        <source>Choose phone, visit or letter.</source>
        <translation>请选择电话、上门或信函。</translation>
    </message>
    <message>
        <source>Note what the occupant is not satisfied with.</source>
        <translation>请记录业主不满意之处。</translation>
    </message>
    <message>
        <source>This slip has come back already.</source>
        <translation>此派工单已经返回。</translation>
    </message>
    <message>
        <source>The fee catalogue has no active repair fee: ask the administrator to add one.</source>
        <translation>收费项目中没有启用的维修费，请联系管理员添加。</translation>
    </message>
    <message>
        <source>Receipt {receipt} was issued but the slip could not be settled (it changed at another counter): ask a supervisor to void the receipt.</source>
        <translation>收据 {receipt} 已开出，但报修单未能结算（已在其他前台变更），请主管作废该收据。</translation>
    </message>
    <message>
        <source>No such complaint or register entry.</source>
        <translation>没有此投诉或登记记录。</translation>
    </message>
    <message>
        <source>This step is not possible while it is {state}.</source>
        <translation>处于“{state}”状态时不能执行此步骤。</translation>
    </message>
    <message>
        <source>Choose complaint, inquiry, suggestion or praise.</source>
        <translation>请选择投诉、咨询、建议或表扬。</translation>
    </message>
    <message>
        <source>Choose major or ordinary.</source>
        <translation>请选择重大或一般。</translation>
    </message>
    <message>
        <source>Choose phone, visit, letter or other.</source>
        <translation>请选择电话、来访、信函或其他。</translation>
    </message>
    <message>
        <source>Between 0 and 5 copies.</source>
        <translation>0 至 5 联。</translation>
    </message>
    <message>
        <source>Permit {number}: this step is not possible at its current stage (refresh to see where it stands).</source>
        <translation>许可证 {number}：当前阶段不能办理此步骤（请刷新查看进度）。</translation>
    </message>
    <message>
        <source>No such renovation permit.</source>
        <translation>没有这份装修许可。</translation>
    </message>
    <message>
        <source>No such pass in the register.</source>
        <translation>登记表中没有这张出入证。</translation>
    </message>
    <message>
        <source>Enter the unit to be renovated.</source>
        <translation>请输入装修的房号。</translation>
    </message>
    <message>
        <source>Choose owner or tenant.</source>
        <translation>请选择业主或租户。</translation>
    </message>
    <message>
        <source>This occupant does not live in that unit.</source>
        <translation>该住户不住在这个房号。</translation>
    </message>
    <message>
        <source>The application form must be signed by the owner (and stamped) before it is taken.</source>
        <translation>申请表须经业主签名（并盖章）后方可受理。</translation>
    </message>
    <message>
        <source>The period is 1 to {max} days.</source>
        <translation>工期为 1 至 {max} 天。</translation>
    </message>
    <message>
        <source>The start date has already passed.</source>
        <translation>开工日期已过。</translation>
    </message>
    <message>
        <source>An amount in yuan, at most two decimals, not negative.</source>
        <translation>金额以元为单位，最多两位小数，不能为负。</translation>
    </message>
    <message>
        <source>Type or scan the receipt number.</source>
        <translation>请输入或扫描收据号。</translation>
    </message>
    <message>
        <source>A receipt number is letters, digits and dashes (e.g. R2026-000123).</source>
        <translation>收据号由字母、数字和短横线组成（例如 R2026-000123）。</translation>
    </message>
    <message>
        <source>The manager types their user name and password.</source>
        <translation>请经理输入本人用户名和密码。</translation>
    </message>
    <message>
        <source>Wrong user name or password for the approval.</source>
        <translation>审批人的用户名或密码错误。</translation>
    </message>
    <message>
        <source>{name} is not a {role}: a manager must approve.</source>
        <translation>{name} 不是{role}：须由经理审批。</translation>
    </message>
    <message>
        <source>Permit {number} ended on {end}.</source>
        <translation>许可证 {number} 已于 {end} 到期。</translation>
    </message>
    <message>
        <source>Permit {number} ended on {end}: an extension must be requested before the end. Finish the permit or stop the work.</source>
        <translation>许可证 {number} 已于 {end} 到期：延期须在到期前申请。请办理完工或停止施工。</translation>
    </message>
    <message>
        <source>Extend by 1 to {max} days.</source>
        <translation>延期 1 至 {max} 天。</translation>
    </message>
    <message>
        <source>{count} pass(es) of permit {number} are still out: take them back or report them lost first.</source>
        <translation>许可证 {number} 还有 {count} 张出入证未收回：请先收回或登记遗失。</translation>
    </message>
    <message>
        <source>Passes are issued only once permit {number} is issued and until its work is finished.</source>
        <translation>出入证只在许可证 {number} 发放后、完工前办理。</translation>
    </message>
    <message>
        <source>Choose the worker&apos;s trade.</source>
        <translation>请选择工种。</translation>
    </message>
    <message>
        <source>Say who signs for the pass: the owner, the tenant or the site lead.</source>
        <translation>请注明签批人：业主、租户或施工负责人。</translation>
    </message>
    <message>
        <source>A pass cannot start in the past.</source>
        <translation>出入证的有效期不能从过去开始。</translation>
    </message>
    <message>
        <source>The permit starts on {start}.</source>
        <translation>许可证于 {start} 开始。</translation>
    </message>
    <message>
        <source>Not past the permit&apos;s end, {end}.</source>
        <translation>不能超过许可证到期日 {end}。</translation>
    </message>
    <message>
        <source>The photo must be a PNG or JPEG of at most {max_kb} KB.</source>
        <translation>照片须为 PNG 或 JPEG，不超过 {max_kb} KB。</translation>
    </message>
    <message>
        <source>Only a pass of this permit reported lost can be replaced.</source>
        <translation>只能补办本许可证下已登记遗失的出入证。</translation>
    </message>
    <message>
        <source>This worker already holds pass {number} for this permit.</source>
        <translation>该施工人员已持有本许可证的出入证 {number}。</translation>
    </message>
    <message>
        <source>Pass {number} was already returned.</source>
        <translation>出入证 {number} 已退还。</translation>
    </message>
    <message>
        <source>Pass {number} was reported lost.</source>
        <translation>出入证 {number} 已登记遗失。</translation>
    </message>
    <message>
        <source>Pass {number} was revoked.</source>
        <translation>出入证 {number} 已注销。</translation>
    </message>
    <message>
        <source>The fee catalogue does not offer the pass card fee (pass_card): an administrator must make it active, or type the number of a receipt taken by hand.</source>
        <translation>收费项目中没有出入证工本费（pass_card）：请管理员启用该项目，或输入手工开具的收据号。</translation>
    </message>
    <message>
        <source>Receipt {receipt} was issued, but the pass was not: correct what is marked and issue the pass on that receipt (no new receipt), or void it.</source>
        <translation>收据 {receipt} 已开出，但出入证未办成：请改正标出的内容，用这张收据办理出入证（不再开新收据），或将其作废。</translation>
    </message>
    <message>
        <source>An amount from 0 to 10,000 with at most two decimals.</source>
        <translation>0 至 10,000 的金额，最多两位小数。</translation>
    </message>
    <message>
        <source>No such newspaper or magazine.</source>
        <translation>没有这种报刊。</translation>
    </message>
    <message>
        <source>Choose the newspaper or magazine.</source>
        <translation>请选择报刊。</translation>
    </message>
    <message>
        <source>{name} is already on the list of titles.</source>
        <translation>{name} 已在报刊目录中。</translation>
    </message>
    <message>
        <source>{name} is no longer offered.</source>
        <translation>{name} 已停止提供。</translation>
    </message>
    <message>
        <source>Choose newspaper or magazine.</source>
        <translation>请选择报纸或杂志。</translation>
    </message>
    <message>
        <source>Choose how often it comes out.</source>
        <translation>请选择出版周期。</translation>
    </message>
    <message>
        <source>A subscription is for a unit or for a department of the office, not both.</source>
        <translation>订阅只能属于一个单元或一个办公部门，不能同时属于两者。</translation>
    </message>
    <message>
        <source>Enter the unit (or the office department) that subscribes.</source>
        <translation>请输入订阅的单元（或办公部门）。</translation>
    </message>
    <message>
        <source>Pick an occupant of this unit.</source>
        <translation>请选择本单元的住户。</translation>
    </message>
    <message>
        <source>Between 1 and {max} copies.</source>
        <translation>份数应在 1 到 {max} 之间。</translation>
    </message>
    <message>
        <source>The subscription ends before it starts.</source>
        <translation>订阅的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>This subscriber already takes {name} (since {since}): end that line first.</source>
        <translation>该订户已订阅 {name}（自 {since} 起）：请先结束该订阅。</translation>
    </message>
    <message>
        <source>Enter a date.</source>
        <translation>请输入日期。</translation>
    </message>
    <message>
        <source>No such subscription.</source>
        <translation>没有该订阅。</translation>
    </message>
    <message>
        <source>This subscription already ended on {day}.</source>
        <translation>该订阅已于 {day} 结束。</translation>
    </message>
    <message>
        <source>The subscription starts on {day}: it cannot end earlier than the day before.</source>
        <translation>该订阅从 {day} 开始：结束日期不能早于前一天。</translation>
    </message>
    <message>
        <source>Copies were delivered on {day}: the last day cannot be earlier.</source>
        <translation>{day} 已投递过报刊：最后一天不能早于该日。</translation>
    </message>
    <message>
        <source>Enter the copies received, 0 to {max}.</source>
        <translation>请输入收到的份数，0 到 {max}。</translation>
    </message>
    <message>
        <source>The day is in the future.</source>
        <translation>该日期在将来。</translation>
    </message>
    <message>
        <source>{title} of {day} was already counted at {at} by {name}.</source>
        <translation>{day} 的 {title} 已由 {name} 于 {at} 清点。</translation>
    </message>
    <message>
        <source>No such claim.</source>
        <translation>没有该索补记录。</translation>
    </message>
    <message>
        <source>This claim was already resolved on {at}.</source>
        <translation>该索补已于 {at} 处理完毕。</translation>
    </message>
    <message>
        <source>Enter the copies that came, at least 1.</source>
        <translation>请输入补到的份数，至少 1 份。</translation>
    </message>
    <message>
        <source>The post office owes only {owed} copies on this claim.</source>
        <translation>该索补邮局只欠 {owed} 份。</translation>
    </message>
    <message>
        <source>Tick the units to deliver to.</source>
        <translation>请勾选要投递的单元。</translation>
    </message>
    <message>
        <source>At most {max} lines at once.</source>
        <translation>一次最多 {max} 行。</translation>
    </message>
    <message>
        <source>A subscription is ticked twice.</source>
        <translation>同一订阅被勾选了两次。</translation>
    </message>
    <message>
        <source>Choose signed for or mail slot.</source>
        <translation>请选择签收或投入信报箱。</translation>
    </message>
    <message>
        <source>{where} does not take {title} on {day}.</source>
        <translation>{where} 在 {day} 未订阅 {title}。</translation>
    </message>
    <message>
        <source>{where} has no mail slot: hand the copies over against a signature.</source>
        <translation>{where} 没有信报箱：请当面交付并签收。</translation>
    </message>
    <message>
        <source>{where} already had its {title} at {at}.</source>
        <translation>{where} 的 {title} 已于 {at} 投递。</translation>
    </message>
    <message>
        <source>{title} of {day} has not been counted yet: record what the post office brought first.</source>
        <translation>{day} 的 {title} 尚未清点：请先登记邮局送来的份数。</translation>
    </message>
    <message>
        <source>Only {left} copies of {title} are left, {wanted} needed: claim the missing copies from the post office.</source>
        <translation>{title} 只剩 {left} 份，需要 {wanted} 份：请向邮局索补缺少的份数。</translation>
    </message>
    <message>
        <source>Residents first: {waiting} copies of {title} are still owed to units, the office departments get theirs after.</source>
        <translation>住户优先：还有 {waiting} 份 {title} 应投给各单元，办公部门随后。</translation>
    </message>
    <message>
        <source>The amount must be from ¥0.00 to under one trillion yuan.</source>
        <translation>金额应在 ¥0.00 至一万亿元以下。</translation>
    </message>
    <message>
        <source>Enter an amount of zero or more.</source>
        <translation>请输入零或以上的金额。</translation>
    </message>
    <message>
        <source>Amounts are exact decimals.</source>
        <translation>金额必须是精确的十进制数。</translation>
    </message>
    <message>
        <source>Not an amount: enter yuan with up to two decimals, e.g. 123.45.</source>
        <translation>不是金额：请以元为单位输入，最多两位小数，例如 123.45。</translation>
    </message>
    <message>
        <source>At most two decimals (fen).</source>
        <translation>最多两位小数（分）。</translation>
    </message>
    <message>
        <source>Choose how it was paid: cash, WeChat Pay, Alipay, bank card or transfer.</source>
        <translation>请选择付款方式：现金、微信支付、支付宝、银行卡或转账。</translation>
    </message>
    <message>
        <source>Open your shift first (count the opening float).</source>
        <translation>请先开班（清点备用金）。</translation>
    </message>
    <message>
        <source>No such receipt.</source>
        <translation>没有该收据。</translation>
    </message>
    <message>
        <source>No receipt has the number {number}.</source>
        <translation>没有编号为 {number} 的收据。</translation>
    </message>
    <message>
        <source>Choose who pays: an occupant, a company or someone else.</source>
        <translation>请选择付款人：住户、公司或其他人。</translation>
    </message>
    <message>
        <source>Enter who pays.</source>
        <translation>请输入付款人。</translation>
    </message>
    <message>
        <source>Pick the occupant from the directory.</source>
        <translation>请从住户名录中选择住户。</translation>
    </message>
    <message>
        <source>No such unit.</source>
        <translation>没有该单元。</translation>
    </message>
    <message>
        <source>Add at least one line.</source>
        <translation>请至少添加一行。</translation>
    </message>
    <message>
        <source>At most {max} lines on one receipt.</source>
        <translation>一张收据最多 {max} 行。</translation>
    </message>
    <message>
        <source>Line {line}: this fee is not in the catalogue (any more).</source>
        <translation>第 {line} 行：该收费项目不在（或已不在）收费目录中。</translation>
    </message>
    <message>
        <source>Line {line}: say what the money is for.</source>
        <translation>第 {line} 行：请说明收费事由。</translation>
    </message>
    <message>
        <source>Line {line}: enter a price above ¥0.00 and up to ¥{max}.</source>
        <translation>第 {line} 行：请输入大于 ¥0.00、不超过 ¥{max} 的单价。</translation>
    </message>
    <message>
        <source>Line {line}: a quantity from 1 to {max}.</source>
        <translation>第 {line} 行：数量应在 1 到 {max} 之间。</translation>
    </message>
    <message>
        <source>Your shift is already open.</source>
        <translation>您的班次已经开启。</translation>
    </message>
    <message>
        <source>The opening float is from ¥0.00 to ¥{max}.</source>
        <translation>备用金应在 ¥0.00 至 ¥{max} 之间。</translation>
    </message>
    <message>
        <source>No such shift.</source>
        <translation>没有该班次。</translation>
    </message>
    <message>
        <source>The cash is off by {variance}: say why.</source>
        <translation>现金差额 {variance}：请说明原因。</translation>
    </message>
    <message>
        <source>Receipt {number} is already void.</source>
        <translation>收据 {number} 已作废。</translation>
    </message>
    <message>
        <source>Receipt {number} belongs to a closed or another person&apos;s shift: only a receipt of your open shift can be voided.</source>
        <translation>收据 {number} 属于已结班或他人的班次：只能作废您当前班次的收据。</translation>
    </message>
    <message>
        <source>Receipt {number} has refunds against it and cannot be voided.</source>
        <translation>收据 {number} 已有退款，不能作废。</translation>
    </message>
    <message>
        <source>A supervisor confirms with their user name and password.</source>
        <translation>须由主管输入用户名和密码确认。</translation>
    </message>
    <message>
        <source>The supervisor&apos;s user name or password is wrong.</source>
        <translation>主管的用户名或密码错误。</translation>
    </message>
    <message>
        <source>{name} cannot confirm a void: it needs a supervisor or above.</source>
        <translation>{name} 无权确认作废：须主管或以上。</translation>
    </message>
    <message>
        <source>Another person confirms the void, not the one voiding.</source>
        <translation>作废须由另一人确认，不能由作废人本人确认。</translation>
    </message>
    <message>
        <source>Receipt {number} is void: nothing to refund.</source>
        <translation>收据 {number} 已作废：无可退款项。</translation>
    </message>
    <message>
        <source>Receipt {number} has no deposit to refund.</source>
        <translation>收据 {number} 没有可退的押金。</translation>
    </message>
    <message>
        <source>Refund more than ¥0.00 and at most ¥{max} (paid less earlier refunds).</source>
        <translation>退款应大于 ¥0.00，最多 ¥{max}（已付金额减去此前退款）。</translation>
    </message>
    <message>
        <source>No such refund slip.</source>
        <translation>没有该退款通知书。</translation>
    </message>
    <message>
        <source>The record this receipt settles is not named correctly (kind and number).</source>
        <translation>收据所结算的业务记录标识有误（类别和编号）。</translation>
    </message>
    <message>
        <source>Give either the record this receipt settles or a reference, not two different ones.</source>
        <translation>业务记录与参考号只能填一个，或两者一致。</translation>
    </message>
    <message>
        <source>No such fee in the catalogue.</source>
        <translation>收费目录中没有该项目。</translation>
    </message>
    <message>
        <source>A code is lower-case letters, digits and underscores, starting with a letter.</source>
        <translation>代码由小写字母、数字和下划线组成，以字母开头。</translation>
    </message>
    <message>
        <source>The code {code} is already used.</source>
        <translation>代码 {code} 已被使用。</translation>
    </message>
    <message>
        <source>A default price from ¥0.00 to ¥{max}.</source>
        <translation>默认单价应在 ¥0.00 至 ¥{max} 之间。</translation>
    </message>
    <message>
        <source>An order from 0 to 9999.</source>
        <translation>排序号应在 0 到 9999 之间。</translation>
    </message>
</context>
<context>
    <name>NewspaperTerms</name>
    <message>
        <source>Newspaper</source>
        <translation>报纸</translation>
    </message>
    <message>
        <source>Magazine</source>
        <translation>杂志</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>日报</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>周刊</translation>
    </message>
    <message>
        <source>Twice a month</source>
        <translation>半月刊</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>月刊</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Mail slot</source>
        <translation>投信箱</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Claim raised</source>
        <translation>登记索赔</translation>
    </message>
    <message>
        <source>Chased</source>
        <translation>催问</translation>
    </message>
    <message>
        <source>Copies received</source>
        <translation>补到</translation>
    </message>
</context>
<context>
    <name>NewspapersTab</name>
    <message>
        <source>&amp;Day</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Print delivery list…</source>
        <translation>打印分发清单…</translation>
    </message>
    <message>
        <source>Count and deliver</source>
        <translation>清点与分发</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅一览表</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>索赔</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>报刊目录</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>登记簿</translation>
    </message>
    <message>
        <source>Print a register</source>
        <translation>打印登记簿</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Newspaper register…</source>
        <translation>业户报刊收发记录…</translation>
    </message>
    <message>
        <source>Mail register…</source>
        <translation>业户邮件收发记录…</translation>
    </message>
    <message>
        <source>Daily parcel log of the day chosen above…</source>
        <translation>上方所选日期的邮件日报表…</translation>
    </message>
    <message>
        <source>Printed lists name the unit and the item, never what is inside.</source>
        <translation>打印的清单只列单元和邮件，不写内装物品。</translation>
    </message>
    <message>
        <source>Claims (%1)</source>
        <translation>索赔（%1）</translation>
    </message>
    <message>
        <source>Newspaper delivery list</source>
        <translation>报刊分发清单</translation>
    </message>
    <message>
        <source>Newspaper register</source>
        <translation>业户报刊收发记录</translation>
    </message>
    <message>
        <source>Mail register</source>
        <translation>业户邮件收发记录</translation>
    </message>
    <message>
        <source>Daily parcel log</source>
        <translation>邮件日报表</translation>
    </message>
</context>
<context>
    <name>OccupantDirectoryDialog</name>
    <message>
        <source>No occupant matches.</source>
        <translation>没有符合条件的业户。</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <source>Move-in date: %1</source>
        <translation>入住日期：%1</translation>
    </message>
    <message>
        <source>Emergency contact: %1</source>
        <translation>紧急联系人：%1</translation>
    </message>
    <message>
        <source>Household members:</source>
        <translation>家庭成员：</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>Occupant directory</source>
        <translation>业户档案</translation>
    </message>
    <message>
        <source>Unit, name, pinyin initials (zs finds 张三) or last digits of the phone</source>
        <translation>房号、姓名、拼音首字母（zs 可找到张三）或电话尾号</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Owner / tenant</source>
        <translation>业主/租户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Move-in date</source>
        <translation>入住日期</translation>
    </message>
    <message>
        <source>&amp;Add occupant…</source>
        <translation>新增业户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>OccupantEditDialog</name>
    <message>
        <source>Add occupant</source>
        <translation>新增业户</translation>
    </message>
    <message>
        <source>Edit occupant</source>
        <translation>修改业户档案</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>房号(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Owner / tenant</source>
        <translation>业主/租户</translation>
    </message>
    <message>
        <source>Move-in date</source>
        <translation>入住日期</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Emergency phone</source>
        <translation>紧急联系电话</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Household members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Move-in date known</source>
        <translation>已知入住日期</translation>
    </message>
    <message>
        <source>One per line: name, relation, phone</source>
        <translation>每行一人：姓名, 关系, 电话</translation>
    </message>
</context>
<context>
    <name>OccupantKinds</name>
    <message>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>Shift of %1</source>
        <translation>%1 的班次</translation>
    </message>
    <message>
        <source>Count the cash in the drawer before the first receipt.</source>
        <translation>开第一张收据前，请清点钱箱内的现金。</translation>
    </message>
    <message>
        <source>Opening &amp;float (¥)</source>
        <translation>备用金（¥）(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open shift</source>
        <translation>开班(&amp;O)</translation>
    </message>
</context>
<context>
    <name>OutstandingDialog</name>
    <message>
        <source>closed %1</source>
        <translation>已结清 %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未结清</translation>
    </message>
    <message>
        <source>Follow-up note</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <source>What was done (called the developer…):</source>
        <translation>跟进情况（已致电开发商……）：</translation>
    </message>
    <message>
        <source>Close entry</source>
        <translation>结清</translation>
    </message>
    <message>
        <source>Why is nothing more owed?</source>
        <translation>为何不再欠交？</translation>
    </message>
    <message>
        <source>Outstanding keys register</source>
        <translation>尚未移交钥匙统计表</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠交</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Show closed entries</source>
        <translation>显示已结清</translation>
    </message>
    <message>
        <source>Add follow-up &amp;note…</source>
        <translation>添加跟进记录(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Close entry…</source>
        <translation>结清(&amp;C)…</translation>
    </message>
    <message>
        <source>New entry: keys the developer still owes</source>
        <translation>新登记：开发商尚未移交的钥匙</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>位置(&amp;L)</translation>
    </message>
    <message>
        <source>Keys owed</source>
        <translation>欠交数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>First note</source>
        <translation>首条跟进记录</translation>
    </message>
    <message>
        <source>&amp;Add entry</source>
        <translation>登记(&amp;A)</translation>
    </message>
</context>
<context>
    <name>OverduePage</name>
    <message numerus="yes">
        <source>%n permit(s) more than 3 days past the end, neither extended nor finished: stop the work.</source>
        <translation>
            <numerusform>%n 份许可证到期超过 3 天，未延期也未完工：停止施工。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pass(es) more than 3 days past the end, neither returned nor renewed: refuse entry, take the card back.</source>
        <translation>
            <numerusform>%n 张出入证到期超过 3 天，未退还也未续期：拒绝进入，收回证件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParcelEvents</name>
    <message>
        <source>Received</source>
        <translation>收件登记</translation>
    </message>
    <message>
        <source>Recipient assigned</source>
        <translation>指定收件人</translation>
    </message>
    <message>
        <source>Shelf changed</source>
        <translation>更换货架</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>已领取</translation>
    </message>
    <message>
        <source>Not handed over today</source>
        <translation>当日未投递</translation>
    </message>
    <message>
        <source>Returned to the post office</source>
        <translation>退回邮局</translation>
    </message>
    <message>
        <source>Disposed of</source>
        <translation>已销毁处理</translation>
    </message>
    <message>
        <source>Sent to the supervisor</source>
        <translation>交主管处理</translation>
    </message>
    <message>
        <source>Cleared by the supervisor</source>
        <translation>主管已放行</translation>
    </message>
    <message>
        <source>Reported lost</source>
        <translation>登记丢失</translation>
    </message>
    <message>
        <source>Reported damaged</source>
        <translation>登记破损</translation>
    </message>
    <message>
        <source>Notice sent</source>
        <translation>已发通知</translation>
    </message>
    <message>
        <source>Reminder sent</source>
        <translation>已发提醒</translation>
    </message>
</context>
<context>
    <name>ParcelPrint</name>
    <message>
        <source>Shelf label</source>
        <translation>货架标签</translation>
    </message>
    <message>
        <source>Pick-up notices</source>
        <translation>领取通知单</translation>
    </message>
</context>
<context>
    <name>ParcelSettingsPage</name>
    <message>
        <source>Parcel and e-mail settings saved</source>
        <translation>邮件与电子邮件设置已保存</translation>
    </message>
    <message>
        <source>Type the address to send the test to.</source>
        <translation>请输入测试邮件的收件地址。</translation>
    </message>
    <message>
        <source>Test e-mail sent to %1.</source>
        <translation>测试邮件已发送至 %1。</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP 服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密方式</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS（端口 587）</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS（端口 465）</translation>
    </message>
    <message>
        <source>None (local relay only)</source>
        <translation>不加密（仅限本地中继）</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>发件地址</translation>
    </message>
    <message>
        <source>Remind after (days waiting)</source>
        <translation>待领满几天后提醒</translation>
    </message>
    <message>
        <source>Uncollected after (days)</source>
        <translation>逾期未领天数</translation>
    </message>
    <message>
        <source>Save parcel and e-mail settings</source>
        <translation>保存邮件与电子邮件设置</translation>
    </message>
    <message>
        <source>Send a test e-mail to…</source>
        <translation>发送测试邮件至…</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>发送测试</translation>
    </message>
    <message>
        <source>Reminders go out once per unit, listing everything waiting; units without an e-mail address get a printed notice for the mailbox.</source>
        <translation>提醒按户合并发送一次，列出全部待领邮件；未登记电子邮箱的住户打印领取通知单投入信箱。</translation>
    </message>
</context>
<context>
    <name>ParcelStates</name>
    <message>
        <source>Waiting</source>
        <translation>待领取</translation>
    </message>
    <message>
        <source>Picked up</source>
        <translation>已领取</translation>
    </message>
    <message>
        <source>Returned to the post office</source>
        <translation>已退回邮局</translation>
    </message>
    <message>
        <source>Disposed of</source>
        <translation>已销毁处理</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>With the supervisor</source>
        <translation>主管处理中</translation>
    </message>
</context>
<context>
    <name>ParcelTable</name>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>check digit failed</source>
        <translation>校验位错误</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>须签收</translation>
    </message>
    <message>
        <source>perishable</source>
        <translation>易腐</translation>
    </message>
    <message>
        <source>fragile</source>
        <translation>易碎</translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation>可疑</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>%1 %2 by %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>The carrier&apos;s check digit does not match: probably a misread scan. Check the number.</source>
        <translation>承运商校验位不符：可能扫错，请核对单号。</translation>
    </message>
</context>
<context>
    <name>ParcelTypes</name>
    <message>
        <source>Letter</source>
        <translation>平信</translation>
    </message>
    <message>
        <source>Registered mail</source>
        <translation>挂号信</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <source>Parcel notice</source>
        <translation>包裹单</translation>
    </message>
    <message>
        <source>Magazine</source>
        <translation>杂志</translation>
    </message>
    <message>
        <source>Newspaper</source>
        <translation>报纸</translation>
    </message>
    <message>
        <source>Money order</source>
        <translation>汇款单</translation>
    </message>
</context>
<context>
    <name>ParcelsTab</name>
    <message>
        <source>Registered %1 · %2 · %3</source>
        <translation>已登记 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>type the recipient now, or assign later</source>
        <translation>现在输入收件人，或稍后批量指定</translation>
    </message>
    <message>
        <source>Check digit failed: probably a misread scan. Compare the number with the label.</source>
        <translation>校验位错误：可能扫错，请与面单核对单号。</translation>
    </message>
    <message>
        <source>Suspicious: kept apart for the supervisor.</source>
        <translation>可疑邮件：单独存放，交主管处理。</translation>
    </message>
    <message>
        <source>%1 assigned to %2</source>
        <translation>%1 已指定给 %2</translation>
    </message>
    <message>
        <source>Find who collects: their items are listed to hand over.</source>
        <translation>查找领取人：列出其全部待领邮件。</translation>
    </message>
    <message>
        <source>Recipient goes to: %1 (just scanned)</source>
        <translation>收件人用于：%1（刚扫描）</translation>
    </message>
    <message>
        <source>Recipient goes to: the next item scanned</source>
        <translation>收件人用于：下一件扫描的邮件</translation>
    </message>
    <message>
        <source>Nothing is waiting for %1.</source>
        <translation>%1 没有待领邮件。</translation>
    </message>
    <message numerus="yes">
        <source>Handed over %n item(s) for %1 to %2</source>
        <translation>
            <numerusform>%1 的 %n 件已交给 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Select one or more items in the list first.</source>
        <translation>请先在列表中选择邮件。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) assigned to %1</source>
        <translation>
            <numerusform>%n 件已指定给 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Nothing is waiting for anyone: no notices to print.</source>
        <translation>没有待领邮件，无需打印通知单。</translation>
    </message>
    <message numerus="yes">
        <source>%n pick-up notice(s) for the mailboxes</source>
        <translation>
            <numerusform>%n 张领取通知单（投入信箱）</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders: %1 e-mailed, %2 to print</source>
        <translation>提醒：%1 户已发电子邮件，%2 户待打印</translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n 户未发出</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) listed</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting (%1)</source>
        <translation>待领取（%1）</translation>
    </message>
    <message>
        <source>Items (%1)</source>
        <translation>邮件（%1）</translation>
    </message>
    <message>
        <source>Today&apos;s intake (%1)</source>
        <translation>今日收件（%1）</translation>
    </message>
    <message>
        <source>&amp;Intake (F7)</source>
        <translation>收件(&amp;I) (F7)</translation>
    </message>
    <message>
        <source>Every scan registers an item</source>
        <translation>每次扫描登记一件邮件</translation>
    </message>
    <message>
        <source>&amp;Pick-up (F8)</source>
        <translation>领取(&amp;P) (F8)</translation>
    </message>
    <message>
        <source>A scan hands the items of that unit over</source>
        <translation>扫描即列出该户全部待领邮件办理领取</translation>
    </message>
    <message>
        <source>S&amp;can:</source>
        <translation>扫描(&amp;C)：</translation>
    </message>
    <message>
        <source>Scan an item to register it (Ctrl+K)</source>
        <translation>扫描邮件即登记 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Scan an item to hand over everything waiting for its unit (Ctrl+K)</source>
        <translation>扫描邮件即办理该户全部待领邮件 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>No barcode → label</source>
        <translation>无条码 → 打标签</translation>
    </message>
    <message>
        <source>Give the item an internal number (M…) and print its shelf label</source>
        <translation>给邮件编内部号（M…）并打印货架标签</translation>
    </message>
    <message>
        <source>Courier batch…</source>
        <translation>快递批次核对…</translation>
    </message>
    <message>
        <source>Intake: kept for every scan</source>
        <translation>收件：以下设置对每次扫描有效</translation>
    </message>
    <message>
        <source>Pick-up</source>
        <translation>领取</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <source>S&amp;helf</source>
        <translation>货架(&amp;H)</translation>
    </message>
    <message>
        <source>Perishable</source>
        <translation>易腐</translation>
    </message>
    <message>
        <source>Signature required</source>
        <translation>须签收</translation>
    </message>
    <message>
        <source>Fragile</source>
        <translation>易碎</translation>
    </message>
    <message>
        <source>Suspicious</source>
        <translation>可疑</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>收件人(&amp;R)：</translation>
    </message>
    <message>
        <source>Find &amp;recipient:</source>
        <translation>查找领取人(&amp;R)：</translation>
    </message>
    <message>
        <source>Unit, name, pinyin initials or last 4 phone digits (Ctrl+R)</source>
        <translation>房号、姓名、拼音首字母或手机尾号后4位 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Same for following scans</source>
        <translation>后续扫描沿用</translation>
    </message>
    <message>
        <source>For the next item instead</source>
        <translation>改为下一件</translation>
    </message>
    <message>
        <source>Unit (Ctrl+F)</source>
        <translation>房号 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any carrier</source>
        <translation>全部承运商</translation>
    </message>
    <message>
        <source>waiting ≥ </source>
        <translation>待领 ≥ </translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>No recipient yet</source>
        <translation>未指定收件人</translation>
    </message>
    <message>
        <source>&amp;Hand over… (Ctrl+Shift+H)</source>
        <translation>领取交付(&amp;H)… (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <source>&amp;Assign recipient… (Ctrl+Shift+G)</source>
        <translation>指定收件人(&amp;A)… (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>详情(&amp;D)…</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Return to the post office…</source>
        <translation>退回邮局…</translation>
    </message>
    <message>
        <source>Send to the supervisor (suspicious)…</source>
        <translation>交主管处理（可疑）…</translation>
    </message>
    <message>
        <source>Supervisor&apos;s decision…</source>
        <translation>主管处理意见…</translation>
    </message>
    <message>
        <source>Report lost…</source>
        <translation>登记丢失…</translation>
    </message>
    <message>
        <source>Report damaged…</source>
        <translation>登记破损…</translation>
    </message>
    <message>
        <source>Dispose of uncollected items…</source>
        <translation>处理逾期未领邮件…</translation>
    </message>
    <message>
        <source>Print shelf label</source>
        <translation>打印货架标签</translation>
    </message>
    <message>
        <source>End of day…</source>
        <translation>日终核对…</translation>
    </message>
    <message>
        <source>Print pick-up notices</source>
        <translation>打印领取通知单</translation>
    </message>
    <message>
        <source>Send reminders</source>
        <translation>发送提醒</translation>
    </message>
</context>
<context>
    <name>PassCheck</name>
    <message>
        <source>Let the worker in.</source>
        <extracomment>verdict → (background, text colour); anything else is red what to do, by verdict (%1: the pass&apos;s last day, its first day, or the permit&apos;s stage)</extracomment>
        <translation>放行。</translation>
    </message>
    <message>
        <source>Let in. The pass ends on %1: renew it or hand it back within 3 days after.</source>
        <translation>放行。出入证 %1 到期：请续期，或到期后 3 天内交回。</translation>
    </message>
    <message>
        <source>Refuse entry: the pass ended on %1. Renew it or take the card back.</source>
        <translation>拒绝进入：出入证已于 %1 到期。请续期或收回证件。</translation>
    </message>
    <message>
        <source>Not valid before %1.</source>
        <translation>%1 起生效。</translation>
    </message>
    <message>
        <source>This card was handed back: refuse entry.</source>
        <translation>该证已退还：拒绝进入。</translation>
    </message>
    <message>
        <source>This card was reported lost: keep it, refuse entry.</source>
        <translation>该证已挂失：扣留证件，拒绝进入。</translation>
    </message>
    <message>
        <source>This pass was revoked: keep the card, refuse entry.</source>
        <translation>该证已注销：扣留证件，拒绝进入。</translation>
    </message>
    <message>
        <source>The permit is %1: no work is allowed, refuse entry.</source>
        <translation>许可证状态为“%1”：不得施工，拒绝进入。</translation>
    </message>
    <message>
        <source>The QR code does not match the register: keep the card and call the supervisor.</source>
        <translation>二维码与登记不符：扣留证件并通知主管。</translation>
    </message>
    <message>
        <source>Not in the pass register: refuse entry.</source>
        <translation>登记表中无此证：拒绝进入。</translation>
    </message>
    <message>
        <source>Valid %1 to %2</source>
        <translation>有效期 %1 至 %2</translation>
    </message>
    <message>
        <source>Permit %1: %2</source>
        <translation>许可证 %1：%2</translation>
    </message>
</context>
<context>
    <name>PassDialog</name>
    <message>
        <source>Worker&apos;s photo</source>
        <translation>施工人员照片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Issue a worker&apos;s pass</source>
        <translation>办理施工人员临时出入证</translation>
    </message>
    <message>
        <source>Card fee %1 per pass</source>
        <translation>每证工本费 %1</translation>
    </message>
    <message>
        <source>, deposit %1</source>
        <translation>，押金 %1</translation>
    </message>
    <message>
        <source>: on a receipt. The owner/tenant or the site lead signs for the pass.</source>
        <translation>，开具收据。须由业主/租户或施工负责人签名。</translation>
    </message>
    <message>
        <source>Replaces the lost pass %1.</source>
        <translation>补办遗失的出入证 %1。</translation>
    </message>
    <message>
        <source>&amp;Worker</source>
        <translation>姓名(&amp;W)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>ID &amp;number</source>
        <translation>证件号码(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Trade</source>
        <translation>工种(&amp;T)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Signed for by</source>
        <translation>签批人</translation>
    </message>
    <message>
        <source>Signer&apos;s name</source>
        <translation>签批人姓名</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有效期自</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Card fee</source>
        <translation>工本费</translation>
    </message>
    <message>
        <source>Take it on a new receipt (%1), paid by</source>
        <translation>开新收据（%1），付款方式</translation>
    </message>
    <message>
        <source>or receipt no.</source>
        <translation>或收据号</translation>
    </message>
    <message>
        <source>Photo (optional)</source>
        <translation>照片（可选）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>none (max. %1 KB, PNG or JPEG)</source>
        <translation>无（最大 %1 KB，PNG 或 JPEG）</translation>
    </message>
    <message>
        <source>&amp;Issue pass</source>
        <translation>办理出入证(&amp;I)</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>Print &amp;to…</source>
        <translation>打印到(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Copies</source>
        <translation>份数(&amp;C)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>页数：%1</translation>
    </message>
    <message>
        <source>This document could not be opened.</source>
        <translation>无法打开此文档。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Saved in the PDF folder as %1</source>
        <translation>已存入 PDF 文件夹：%1</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save the file:
%1</source>
        <translation>无法保存文件：
%1</translation>
    </message>
</context>
<context>
    <name>PermitPrinting</name>
    <message>
        <source>Renovation permit</source>
        <translation>装修施工许可证</translation>
    </message>
    <message>
        <source>Contractor pass</source>
        <translation>施工人员临时出入证</translation>
    </message>
</context>
<context>
    <name>PermitTables</name>
    <message>
        <source>Permit</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Owner/tenant</source>
        <translation>业主/租户</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>施工单位</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>施工期</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Passes out</source>
        <translation>在用出入证</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>出入证号</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>工种</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签批人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>%1 day(s) overdue: take the card back</source>
        <translation>逾期 %1 天：收回证件</translation>
    </message>
    <message>
        <source>Expired: return or renew</source>
        <translation>已过期：退还或续期</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>即将到期</translation>
    </message>
</context>
<context>
    <name>Permits</name>
    <message>
        <source>Applied</source>
        <translation>已申请</translation>
    </message>
    <message>
        <source>Fees paid</source>
        <translation>已缴费</translation>
    </message>
    <message>
        <source>Drawings reviewed</source>
        <translation>图纸已审核</translation>
    </message>
    <message>
        <source>Checked by customer service</source>
        <translation>客服中心已审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>经理已批准</translation>
    </message>
    <message>
        <source>Permit issued</source>
        <translation>已发证</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>施工中</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>已延期</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完工</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未批准</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Fees paid…</source>
        <extracomment>the step buttons, by action</extracomment>
        <translation>缴费…</translation>
    </message>
    <message>
        <source>Drawing review…</source>
        <translation>图纸审核…</translation>
    </message>
    <message>
        <source>Customer service check…</source>
        <translation>客服审核…</translation>
    </message>
    <message>
        <source>Approve / reject…</source>
        <translation>经理审批…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>不批准…</translation>
    </message>
    <message>
        <source>Issue permit…</source>
        <translation>发证…</translation>
    </message>
    <message>
        <source>Start work</source>
        <translation>开工</translation>
    </message>
    <message>
        <source>Extend…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <source>Finish…</source>
        <translation>完工…</translation>
    </message>
    <message>
        <source>Cancel application…</source>
        <translation>撤销申请…</translation>
    </message>
    <message>
        <source>Application taken</source>
        <translation>受理申请</translation>
    </message>
    <message>
        <source>Drawings passed</source>
        <translation>图纸审核通过</translation>
    </message>
    <message>
        <source>Drawings sent back</source>
        <translation>图纸退回修改</translation>
    </message>
    <message>
        <source>File checked</source>
        <translation>资料审核通过</translation>
    </message>
    <message>
        <source>File incomplete</source>
        <translation>资料不全</translation>
    </message>
    <message>
        <source>Work started</source>
        <translation>开工</translation>
    </message>
    <message>
        <source>Decorator</source>
        <translation>装修工</translation>
    </message>
    <message>
        <source>Carpenter</source>
        <translation>木工</translation>
    </message>
    <message>
        <source>Electrician</source>
        <translation>水电工</translation>
    </message>
    <message>
        <source>Plumber</source>
        <translation>水管工</translation>
    </message>
    <message>
        <source>Mason</source>
        <translation>泥瓦工</translation>
    </message>
    <message>
        <source>Painter</source>
        <translation>油漆工</translation>
    </message>
    <message>
        <source>Tiler</source>
        <translation>贴砖工</translation>
    </message>
    <message>
        <source>Welder</source>
        <translation>电焊工</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>杂工</translation>
    </message>
    <message>
        <source>Other trade</source>
        <translation>其他工种</translation>
    </message>
    <message>
        <source>Owner</source>
        <extracomment>what a card prints, whatever the screen&apos;s language: Chinese and English</extracomment>
        <translation>业主</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Site lead</source>
        <translation>施工负责人</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退还</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已遗失</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>VALID</source>
        <extracomment>the scan check&apos;s verdicts, shown big</extracomment>
        <translation>有效</translation>
    </message>
    <message>
        <source>VALID — EXPIRING SOON</source>
        <translation>有效 — 即将到期</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>NOT YET VALID</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>RETURNED</source>
        <translation>已退还</translation>
    </message>
    <message>
        <source>REPORTED LOST</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <source>REVOKED</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>PERMIT NOT IN PROGRESS</source>
        <translation>许可证不在施工期</translation>
    </message>
    <message>
        <source>UNKNOWN PASS</source>
        <translation>无此出入证</translation>
    </message>
    <message>
        <source>NOT GENUINE</source>
        <translation>非本处发放</translation>
    </message>
    <message>
        <source>Open (not closed)</source>
        <translation>未结案</translation>
    </message>
    <message>
        <source>Extension due</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>PermitsTab</name>
    <message numerus="yes">
        <source>%n pass(es) valid today</source>
        <translation>
            <numerusform>今日有效出入证 %n 张</numerusform>
        </translation>
    </message>
    <message>
        <source>Passes ending within 3 days: renew them (after an extension) or have them handed back.</source>
        <translation>3 天内到期的出入证：（延期后）续期或收回。</translation>
    </message>
    <message numerus="yes">
        <source>%n pass(es) expiring</source>
        <translation>
            <numerusform>即将到期 %n 张</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n permit(s)</source>
        <translation>
            <numerusform>%n 份许可证</numerusform>
        </translation>
    </message>
    <message>
        <source>Permits</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Valid today (%1)</source>
        <translation>今日有效（%1）</translation>
    </message>
    <message>
        <source>Expiring (%1)</source>
        <translation>即将到期（%1）</translation>
    </message>
    <message>
        <source>Overdue (%1)</source>
        <translation>逾期（%1）</translation>
    </message>
    <message>
        <source>Pass register</source>
        <translation>出入证登记表</translation>
    </message>
    <message>
        <source>Select a permit, or take a new application (Ctrl+N).</source>
        <translation>请选择一份许可证，或受理新申请（Ctrl+N）。</translation>
    </message>
    <message>
        <source>Period %1 to %2</source>
        <translation>施工期 %1 至 %2</translation>
    </message>
    <message numerus="yes">
        <source>(extended %n time(s))</source>
        <translation>
            <numerusform>（已延期 %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>Past its end by more than 3 days: stop the work</source>
        <translation>到期已超过 3 天：停止施工</translation>
    </message>
    <message>
        <source>Ended: extend no more — finish, passes back within 3 days</source>
        <translation>已到期：不能再延期——请办理完工，3 天内收回出入证</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Planned start %1, %2 days</source>
        <translation>计划 %1 开工，工期 %2 天</translation>
    </message>
    <message>
        <source>Site lead %1 %2</source>
        <translation>施工负责人 %1 %2</translation>
    </message>
    <message>
        <source>Works: %1</source>
        <translation>装修项目：%1</translation>
    </message>
    <message>
        <source>Fees on receipt %1: deposit %2, debris %3, water %4</source>
        <translation>收据 %1：押金 %2，垃圾清运费 %3，临时用水费 %4</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>审批人 %1</translation>
    </message>
    <message>
        <source>Application %1 taken for %2</source>
        <translation>已受理 %2 的申请 %1</translation>
    </message>
    <message>
        <source>Finish the works</source>
        <translation>完工</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完工(&amp;F)</translation>
    </message>
    <message>
        <source>Cancel the application</source>
        <translation>撤销申请</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Cancel &amp;application</source>
        <translation>撤销申请(&amp;A)</translation>
    </message>
    <message>
        <source>Pass %1 issued to %2</source>
        <translation>已为 %2 办理出入证 %1</translation>
    </message>
    <message>
        <source>Pass returned</source>
        <translation>退还出入证</translation>
    </message>
    <message>
        <source>Pass &amp;returned</source>
        <translation>已退还(&amp;R)</translation>
    </message>
    <message>
        <source>Pass lost</source>
        <translation>出入证遗失</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <source>Report &amp;lost</source>
        <translation>登记遗失(&amp;L)</translation>
    </message>
    <message>
        <source>Revoke pass</source>
        <translation>注销出入证</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>注销(&amp;V)</translation>
    </message>
    <message>
        <source>Pass chec&amp;k:</source>
        <translation>验证出入证(&amp;K)：</translation>
    </message>
    <message>
        <source>Scan or type a pass number (PC…)</source>
        <translation>扫描或输入出入证号（PC…）</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>&amp;New application…</source>
        <translation>受理新申请(&amp;N)…</translation>
    </message>
    <message>
        <source>Permit no., unit, contractor, owner or site lead</source>
        <translation>许可证号、房号、施工单位、业主或施工负责人</translation>
    </message>
    <message>
        <source>Every stage</source>
        <translation>所有阶段</translation>
    </message>
    <message>
        <source>Permit</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Print permit</source>
        <translation>打印许可证</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>出入证</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Issue pass…</source>
        <translation>办理出入证…</translation>
    </message>
    <message>
        <source>Print card</source>
        <translation>打印证卡</translation>
    </message>
    <message>
        <source>Returned…</source>
        <translation>退还…</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>遗失…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>注销…</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>续期…</translation>
    </message>
    <message>
        <source>Replace lost…</source>
        <translation>补办…</translation>
    </message>
</context>
<context>
    <name>PickupDialog</name>
    <message>
        <source>Hand over</source>
        <translation>领取交付</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n item(s) waiting</source>
        <translation>
            <numerusform>%1 — 待领 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick every item</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Someone else picks up for the recipient</source>
        <translation>他人代领</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Picked up by</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>Relation to the recipient</source>
        <translation>与收件人关系</translation>
    </message>
    <message>
        <source>e.g. spouse, nanny, colleague</source>
        <translation>如：配偶、保姆、同事</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>ID checked</source>
        <translation>已核验证件</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Signed on the paper register instead</source>
        <translation>改为在纸质登记簿上签字</translation>
    </message>
</context>
<context>
    <name>PlaceholderTab</name>
    <message>
        <source>%1

This module is coming in a later version of Reception Desk.</source>
        <translation>%1

此功能将在前台服务台的后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <source>Card printer</source>
        <translation>证卡打印机</translation>
    </message>
    <message>
        <source>A4 printer</source>
        <translation>A4 打印机</translation>
    </message>
    <message>
        <source>80 mm / 58 mm rolls and labels: slips, receipts</source>
        <translation>80 mm / 58 mm 热敏卷纸和标签：单据、收据</translation>
    </message>
    <message>
        <source>CR80 cards (85.6 × 54 mm): passes</source>
        <translation>CR80 卡片（85.6 × 54 mm）：出入证</translation>
    </message>
    <message>
        <source>A4 and A5 sheets: reports, permits</source>
        <translation>A4 和 A5 纸：报表、许可证</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>80 mm 卷纸</translation>
    </message>
    <message>
        <source>58 mm roll</source>
        <translation>58 mm 卷纸</translation>
    </message>
    <message>
        <source>60 mm label</source>
        <translation>60 mm 标签</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <source>CR80 card</source>
        <translation>CR80 卡片</translation>
    </message>
    <message>
        <source>Visitor slip</source>
        <extracomment>known document kinds; kinds registered later show their own name until added here</extracomment>
        <translation>访客单</translation>
    </message>
    <message>
        <source>Key loan slip</source>
        <translation>钥匙借用单</translation>
    </message>
    <message>
        <source>Monthly key statistics</source>
        <translation>钥匙月度统计表</translation>
    </message>
    <message>
        <source>Parcel shelf label</source>
        <translation>邮件货架标签</translation>
    </message>
    <message>
        <source>Parcel pick-up notice</source>
        <translation>邮件领取通知单</translation>
    </message>
    <message>
        <source>Daily parcel log</source>
        <translation>邮件包裹日志</translation>
    </message>
    <message>
        <source>Mail register</source>
        <translation>业户邮件收发记录</translation>
    </message>
    <message>
        <source>Newspaper register</source>
        <translation>业户报刊收发记录</translation>
    </message>
    <message>
        <source>Newspaper delivery list</source>
        <translation>报刊分发清单</translation>
    </message>
    <message>
        <source>Receipt (roll)</source>
        <translation>收款收据（卷纸）</translation>
    </message>
    <message>
        <source>Receipt (A5, three copies)</source>
        <translation>收款收据（A5，三联）</translation>
    </message>
    <message>
        <source>Refund slip</source>
        <translation>退款通知书</translation>
    </message>
    <message>
        <source>Cash-up report (roll)</source>
        <translation>交班结算单（卷纸）</translation>
    </message>
    <message>
        <source>Cash-up report (A4)</source>
        <translation>交班结算单（A4）</translation>
    </message>
    <message>
        <source>Renovation permit</source>
        <translation>装修施工许可证</translation>
    </message>
    <message>
        <source>Contractor pass card</source>
        <translation>施工人员临时出入证</translation>
    </message>
    <message>
        <source>Repair dispatch slip</source>
        <translation>派工单</translation>
    </message>
    <message>
        <source>Weekly repair summary</source>
        <translation>报修周统计表</translation>
    </message>
    <message>
        <source>PDF folder: %1</source>
        <translation>PDF 文件夹：%1</translation>
    </message>
    <message>
        <source>System default printer (%1)</source>
        <translation>系统默认打印机（%1）</translation>
    </message>
    <message>
        <source>System default printer (none installed)</source>
        <translation>系统默认打印机（未安装）</translation>
    </message>
    <message>
        <source>The printer “%1” is not installed on this PC.</source>
        <translation>本机未安装打印机“%1”。</translation>
    </message>
    <message>
        <source>No printer is installed on this PC.</source>
        <translation>本机没有安装打印机。</translation>
    </message>
    <message>
        <source>Choose one in Settings → Printing, or use “Print to…”.</source>
        <translation>请在“设置 → 打印”中选择，或使用“打印到…”。</translation>
    </message>
    <message>
        <source>Could not write into the PDF folder:
%1</source>
        <translation>无法写入 PDF 文件夹：
%1</translation>
    </message>
    <message>
        <source>Printed.</source>
        <translation>已打印。</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>A copy was kept in %1.</source>
        <translation>已在 %1 保留副本。</translation>
    </message>
</context>
<context>
    <name>PrintingSettingsPage</name>
    <message>
        <source>System default printer</source>
        <translation>系统默认打印机</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1（未安装）</translation>
    </message>
    <message>
        <source>PDF folder</source>
        <translation>PDF 文件夹</translation>
    </message>
    <message>
        <source>Choose a folder for the PDF folder printer.</source>
        <translation>请为“PDF 文件夹”选择一个文件夹。</translation>
    </message>
    <message>
        <source>Printing settings saved on this PC.</source>
        <translation>打印设置已保存在本机。</translation>
    </message>
    <message>
        <source>Printers on this PC</source>
        <translation>本机打印机</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Folder for the PDF files</source>
        <translation>PDF 文件保存文件夹</translation>
    </message>
    <message>
        <source>Roll &amp;width</source>
        <translation>卷纸宽度(&amp;W)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Save printing settings</source>
        <translation>保存打印设置</translation>
    </message>
    <message>
        <source>Find printers again</source>
        <translation>重新查找打印机</translation>
    </message>
</context>
<context>
    <name>ReceiptPrint</name>
    <message>
        <source>Receipt %1</source>
        <translation>收据 %1</translation>
    </message>
    <message>
        <source>Refund slip %1</source>
        <translation>退款通知书 %1</translation>
    </message>
    <message>
        <source>Cash-up %1</source>
        <translation>交班报表 %1</translation>
    </message>
    <message>
        <source>Cash-up preview (shift open)</source>
        <translation>交班预览（班次未结）</translation>
    </message>
</context>
<context>
    <name>ReceiptTable</name>
    <message>
        <source>Number</source>
        <translation>收据号</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开具时间</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>交款人</translation>
    </message>
    <message>
        <source>For</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收款人</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Refunded %1</source>
        <translation>已退 %1</translation>
    </message>
</context>
<context>
    <name>ReceiptTerms</name>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>Occupant</source>
        <translation>业户</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Other person</source>
        <translation>其他个人</translation>
    </message>
    <message>
        <source>en</source>
        <comment>language code of this translation</comment>
        <translation>zh</translation>
    </message>
</context>
<context>
    <name>ReceiptsTab</name>
    <message>
        <source>No shift open. Open your shift with the cash in the drawer before the first receipt.</source>
        <translation>尚未开班。开第一张收据前，请清点钱箱现金并开班。</translation>
    </message>
    <message>
        <source>Shift of %1 open since %2 · opening float %3</source>
        <translation>%1 的班次，%2 开班 · 备用金 %3</translation>
    </message>
    <message>
        <source>Select a receipt, or scan its number or QR code.</source>
        <translation>请选择一张收据，或扫描其编号或二维码。</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>交款人</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收款人</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>In words</source>
        <translation>大写</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>For</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>VOID</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>confirmed by %1</source>
        <translation>确认人 %1</translation>
    </message>
    <message>
        <source>Refund slip</source>
        <translation>退款通知书</translation>
    </message>
    <message>
        <source>Deposit still refundable: %1</source>
        <translation>押金尚可退：%1</translation>
    </message>
    <message>
        <source>Shift opened with a float of %1.</source>
        <translation>已开班，备用金 %1。</translation>
    </message>
    <message>
        <source>Shift closed: Z report No. %1, takings %2, variance %3.</source>
        <translation>已交班：交班报表第 %1 号，实收 %2，差额 %3。</translation>
    </message>
    <message>
        <source>No shift has been closed yet.</source>
        <translation>还没有已交班的班次。</translation>
    </message>
    <message>
        <source>Receipt %1 issued: %2 (%3).</source>
        <translation>收据 %1 已开具：%2（%3）。</translation>
    </message>
    <message>
        <source>Receipt %1 is void.</source>
        <translation>收据 %1 已作废。</translation>
    </message>
    <message>
        <source>Refund slip %1: %2 paid back on receipt %3.</source>
        <translation>退款通知书 %1：收据 %3 退款 %2。</translation>
    </message>
    <message>
        <source>Receipt %1: the QR code does NOT match the register — check the printed amount and payer.</source>
        <translation>收据 %1：二维码与登记记录不符——请核对打印的金额和交款人。</translation>
    </message>
    <message>
        <source>Receipt %1 is VOID.</source>
        <translation>收据 %1 已作废。</translation>
    </message>
    <message>
        <source>Refund slip %1 belongs to receipt %2.</source>
        <translation>退款通知书 %1 属于收据 %2。</translation>
    </message>
    <message>
        <source>Receipt %1 matches the register: %2, %3.</source>
        <translation>收据 %1 与登记记录相符：%2，%3。</translation>
    </message>
    <message>
        <source>Receipt %1: %2, %3.</source>
        <translation>收据 %1：%2，%3。</translation>
    </message>
    <message>
        <source>%1 receipts · %2 void · total %3</source>
        <translation>收据 %1 张 · 作废 %2 张 · 合计 %3</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>&amp;Open shift…</source>
        <translation>开班(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Cash-up &amp;&amp; close…</source>
        <translation>结算并交班(&amp;C)…</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Cash-up preview of my open shift (X report)</source>
        <translation>本班结算预览（X 报表）</translation>
    </message>
    <message>
        <source>Last Z report on the roll</source>
        <translation>最近的交班报表（纸卷）</translation>
    </message>
    <message>
        <source>Last Z report on A4</source>
        <translation>最近的交班报表（A4）</translation>
    </message>
    <message>
        <source>&amp;Fee catalogue…</source>
        <translation>收费项目(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;New receipt (Ctrl+N)</source>
        <translation>开收据(&amp;N)（Ctrl+N）</translation>
    </message>
    <message>
        <source>Receipt &amp;no.</source>
        <translation>收据号(&amp;N)</translation>
    </message>
    <message>
        <source>Scan or type a receipt / refund slip number, or its QR code</source>
        <translation>扫描或输入收据号、退款通知书号，或扫描二维码</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Number or payer</source>
        <translation>收据号或交款人</translation>
    </message>
    <message>
        <source>My open shift</source>
        <translation>本班</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>按日期</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <source>&amp;Print (80 mm)</source>
        <translation>打印（80 mm）(&amp;P)</translation>
    </message>
    <message>
        <source>Print A&amp;5</source>
        <translation>打印 A5(&amp;5)</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>作废(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Refund deposit…</source>
        <translation>退押金(&amp;R)…</translation>
    </message>
    <message>
        <source>Print refund &amp;slip</source>
        <translation>打印退款通知书(&amp;S)</translation>
    </message>
</context>
<context>
    <name>RecipientSignaturePad</name>
    <message>
        <source>The person collecting signs here (mouse, pen or finger)</source>
        <translation>领取人在此用鼠标、手写笔或手指签名</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund slip</source>
        <translation>退款通知书</translation>
    </message>
    <message>
        <source>Deposit paid: %1 · refunded so far: %2 · refundable: %3</source>
        <translation>已交押金 %1 · 已退 %2 · 可退 %3</translation>
    </message>
    <message>
        <source>&amp;Amount (¥)</source>
        <translation>退款金额（¥）(&amp;A)</translation>
    </message>
    <message>
        <source>Paid back &amp;by</source>
        <translation>退款方式(&amp;B)</translation>
    </message>
    <message>
        <source>Pa&amp;id to</source>
        <translation>收款人(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Issue &amp;refund slip</source>
        <translation>开具退款通知书(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message numerus="yes">
        <source>%n pass(es) issued in these dates</source>
        <translation>
            <numerusform>期间共办理出入证 %n 张</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the pass register</source>
        <translation>导出出入证登记表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Issued from</source>
        <translation>办理日期自</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <source>Renew pass</source>
        <translation>出入证续期</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>&amp;Renew</source>
        <translation>续期(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RepairActions</name>
    <message>
        <source>Dispatch…</source>
        <translation>派工…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开工</translation>
    </message>
    <message>
        <source>Hold…</source>
        <translation>暂停…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Complete…</source>
        <translation>完工…</translation>
    </message>
    <message>
        <source>Settle…</source>
        <translation>结算…</translation>
    </message>
    <message>
        <source>Follow-up call…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel slip…</source>
        <translation>注销…</translation>
    </message>
    <message>
        <source>Pass to developer…</source>
        <translation>转开发商…</translation>
    </message>
    <message>
        <source>Reopen as rework…</source>
        <translation>返修…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>分派…</translation>
    </message>
    <message>
        <source>Handled…</source>
        <translation>处理…</translation>
    </message>
</context>
<context>
    <name>RepairDialogs</name>
    <message>
        <source>Technician or team</source>
        <translation>维修人员或班组</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Why the occupant disputes it</source>
        <translation>业主异议原因</translation>
    </message>
    <message>
        <source>Warranty note</source>
        <translation>保修说明</translation>
    </message>
    <message>
        <source>What has to be redone</source>
        <translation>需返修内容</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Why the stub has not come back</source>
        <translation>派工单未返回原因</translation>
    </message>
    <message>
        <source>Complete %1</source>
        <translation>完工 %1</translation>
    </message>
    <message>
        <source>Work done</source>
        <translation>维修内容</translation>
    </message>
    <message>
        <source>Materials used</source>
        <translation>使用材料</translation>
    </message>
    <message>
        <source>Materials the occupant supplied</source>
        <translation>业主自备材料</translation>
    </message>
    <message>
        <source>Their check</source>
        <translation>材料检验</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Charge (¥)</source>
        <translation>收费（¥）</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <source>Settle %1</source>
        <translation>结算 %1</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Payer (if not the occupant)</source>
        <translation>付款人（非业主时填写）</translation>
    </message>
    <message>
        <source>Charge %1 for %2: OK issues the receipt in your shift and settles the slip.</source>
        <translation>%2 应收 %1：确定后在本班次开具收据并结算此单。</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Called by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>How</source>
        <translation>回访方式</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Complaint is valid</source>
        <translation>投诉有效</translation>
    </message>
    <message>
        <source>Handling opinion</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Reprint slip</source>
        <translation>补打派工单</translation>
    </message>
    <message>
        <source>Close window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <source>Repair slip %1</source>
        <translation>报修单 %1</translation>
    </message>
    <message>
        <source>rework %1</source>
        <translation>返修 %1 次</translation>
    </message>
    <message>
        <source>Registered %1 by %2, due %3</source>
        <translation>%1 由 %2 登记，限 %3 前完成</translation>
    </message>
    <message>
        <source>Chargeable, rate %1</source>
        <translation>有偿维修，收费标准 %1</translation>
    </message>
    <message>
        <source>Free of charge</source>
        <translation>无偿维修</translation>
    </message>
    <message>
        <source>Technician: %1</source>
        <translation>维修人员：%1</translation>
    </message>
    <message>
        <source>Charge %1, receipt %2</source>
        <translation>收费 %1，收据 %2</translation>
    </message>
    <message>
        <source>Follow-up call due %1</source>
        <translation>回访期限 %1</translation>
    </message>
</context>
<context>
    <name>RepairPrinting</name>
    <message>
        <source>Dispatch slip %1</source>
        <extracomment>the dispatch slip&apos;s name in the print log (its ref is the slip number)</extracomment>
        <translation>派工单 %1</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>及时率</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访率</translation>
    </message>
    <message>
        <source>Rework</source>
        <translation>返修率</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Weekly repair summary</source>
        <translation>报修周统计</translation>
    </message>
</context>
<context>
    <name>RepairTables</name>
    <message>
        <source>Slip</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>限时完成</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <source>follow up by %1</source>
        <translation>%1 前回访</translation>
    </message>
    <message>
        <source>to settle %1</source>
        <translation>待结算 %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Reason (today)</source>
        <translation>原因（今日）</translation>
    </message>
    <message>
        <source>— no reason yet —</source>
        <translation>— 尚未填写原因 —</translation>
    </message>
</context>
<context>
    <name>RepairTerms</name>
    <message>
        <source>registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation>已派工</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>on hold</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完工</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>已结算</translation>
    </message>
    <message>
        <source>followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>passed to the developer</source>
        <translation>已转开发商</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>已分派</translation>
    </message>
    <message>
        <source>handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>urgent (24 h)</source>
        <translation>急修（24 小时）</translation>
    </message>
    <message>
        <source>ordinary</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>at the counter</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>major</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>inquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>pass (合格)</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>fail (不合格)</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>poor quality (质量不佳)</source>
        <translation>质量不佳</translation>
    </message>
    <message>
        <source>started on site</source>
        <translation>已开工</translation>
    </message>
    <message>
        <source>put on hold</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>reopened as rework</source>
        <translation>返修</translation>
    </message>
    <message>
        <source>dispatch slip printed</source>
        <translation>打印派工单</translation>
    </message>
    <message>
        <source>reason the slip is unfinished</source>
        <translation>未完成原因</translation>
    </message>
    <message>
        <source>English</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>%1d %2</source>
        <translation>%1天 %2</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
</context>
<context>
    <name>RepairsTab</name>
    <message>
        <source>Repair request</source>
        <extracomment>column widths follow the first rows only: measuring every cell of a few hundred open slips took longer than the 100 ms the whole view may take (docs/PERFORMANCE.md) callable(RepairView, reprint: bool) printing the dispatch slip; None prints nothing (tests) callable(ReceiptView) printing the receipt of a settlement; None prints nothing (tests)</extracomment>
        <translation>报修登记</translation>
    </message>
    <message>
        <source>Came by</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Unit / occupant</source>
        <translation>房号/业户</translation>
    </message>
    <message>
        <source>Or public location</source>
        <translation>或公共部位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>限时完成</translation>
    </message>
    <message>
        <source>What is broken</source>
        <translation>报修内容</translation>
    </message>
    <message>
        <source>Preferred time</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Dispatch to</source>
        <translation>派工给</translation>
    </message>
    <message>
        <source>Technician or team (optional: dispatch later)</source>
        <translation>维修人员或班组（可稍后派工）</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Dispatch slip copies:</source>
        <translation>派工单联数：</translation>
    </message>
    <message>
        <source>How many copies print on saving (supervisors change it; 0: print nothing)</source>
        <translation>保存时打印的联数（主管可修改；0 表示不打印）</translation>
    </message>
    <message>
        <source>Unit, name, initials or phone tail</source>
        <translation>房号、姓名、拼音首字母或电话尾号</translation>
    </message>
    <message>
        <source>e.g. B栋2号电梯, 地下车库照明</source>
        <translation>例如 B栋2号电梯、地下车库照明</translation>
    </message>
    <message>
        <source>Register and print dispatch slip</source>
        <translation>登记并打印派工单</translation>
    </message>
    <message>
        <source>Slip number / scan:</source>
        <translation>单号/扫描：</translation>
    </message>
    <message>
        <source>Open slip</source>
        <translation>打开报修单</translation>
    </message>
    <message>
        <source>Record why unfinished…</source>
        <translation>填写未完成原因…</translation>
    </message>
    <message>
        <source>Open slips</source>
        <translation>未结报修单</translation>
    </message>
    <message>
        <source>Follow-ups due today</source>
        <translation>今日待回访</translation>
    </message>
    <message>
        <source>Complaints, calls and visits</source>
        <translation>投诉及来电来访</translation>
    </message>
    <message>
        <source>Weekly summary</source>
        <translation>周统计</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>By</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source>Major complaints: fixed within 1 working day, followed up within a week. Ordinary: 3 working days, followed up within two weeks. Weekends do not count.</source>
        <translation>重大投诉：1 个工作日内处理完毕，一周内回访；一般投诉：3 个工作日内处理，两周内回访。周末不计。</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Show week</source>
        <translation>显示本周</translation>
    </message>
    <message>
        <source>Print summary…</source>
        <translation>打印统计…</translation>
    </message>
    <message>
        <source>Follow-up calls due today or earlier (urgent: the day after completion, ordinary: within 3 days)</source>
        <translation>今日及以前应回访（急修：完工次日；一般：3 天内）</translation>
    </message>
    <message>
        <source>Daily summary: slips due by today whose stub has not come back</source>
        <translation>每日汇总：今日前到期而派工单未返回的报修单</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>%1 open slips, %2 overdue</source>
        <translation>未结 %1 单，超时 %2 单</translation>
    </message>
    <message>
        <source>Unfinished today (stub not back): %1, %2 without a reason</source>
        <translation>今日未完成（派工单未返回）：%1 单，%2 单未填原因</translation>
    </message>
    <message>
        <source>Chargeable: %1</source>
        <translation>有偿：%1</translation>
    </message>
    <message>
        <source>Free of charge</source>
        <translation>无偿</translation>
    </message>
    <message>
        <source>Inquiries and praise: closed when answered or passed on</source>
        <translation>咨询和表扬：答复或转达后即可关闭</translation>
    </message>
    <message>
        <source>fix by %1, follow up by %2</source>
        <translation>%1 前处理，%2 前回访</translation>
    </message>
    <message>
        <source>Photos of the fault</source>
        <translation>故障照片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>%1 attached</source>
        <translation>已添加 %1 张</translation>
    </message>
    <message>
        <source>Repair %1 registered, due %2</source>
        <translation>报修单 %1 已登记，限 %2 前完成</translation>
    </message>
    <message>
        <source>Receipt %1 issued, slip %2 settled</source>
        <translation>已开收据 %1，报修单 %2 已结算</translation>
    </message>
    <message>
        <source>%1 registered, to be handled by %2</source>
        <translation>%1 已登记，限 %2 前处理</translation>
    </message>
    <message>
        <source>target missed</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>Week %1 – %2: %3 slips registered</source>
        <translation>%1 至 %2：登记 %3 单</translation>
    </message>
    <message>
        <source>On time: %1 (target 100%)</source>
        <translation>及时率：%1（目标 100%）</translation>
    </message>
    <message>
        <source>Follow-up: %1 (target ≥ 85%)</source>
        <translation>回访率：%1（目标 ≥ 85%）</translation>
    </message>
    <message>
        <source>Rework: %1 (target ≤ 1%)</source>
        <translation>返修率：%1（目标 ≤ 1%）</translation>
    </message>
    <message>
        <source>Unfinished (stub not back): %1</source>
        <translation>未完成（派工单未返回）：%1</translation>
    </message>
    <message>
        <source>Export the weekly summary</source>
        <translation>导出周统计</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Weekly summary exported to %1</source>
        <translation>周统计已导出到 %1</translation>
    </message>
</context>
<context>
    <name>RetireDialog</name>
    <message>
        <source>Retire key set</source>
        <translation>钥匙报废</translation>
    </message>
    <message>
        <source>Lock changes: %1 · keys %2 of %3</source>
        <translation>换锁次数：%1 · 钥匙 %2/%3 把</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Returned to (engineering)</source>
        <translation>交回工程部（接收人）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Manager&apos;s user name</source>
        <translation>经理用户名</translation>
    </message>
    <message>
        <source>Manager&apos;s password</source>
        <translation>经理密码</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>报废(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Customer service check</source>
        <translation>客服中心审核资料</translation>
    </message>
    <message>
        <source>File complete</source>
        <translation>资料齐全</translation>
    </message>
    <message>
        <source>File incomplete (say what is missing)</source>
        <translation>资料不全（写明缺少什么）</translation>
    </message>
    <message>
        <source>Drawing review</source>
        <translation>图纸审核</translation>
    </message>
    <message>
        <source>Engineering reviews the drawings (about five working days).</source>
        <translation>工程部审核图纸（约五个工作日）。</translation>
    </message>
    <message>
        <source>Drawings passed</source>
        <translation>图纸审核通过</translation>
    </message>
    <message>
        <source>Drawings sent back (say why)</source>
        <translation>图纸退回修改（写明原因）</translation>
    </message>
    <message>
        <source>&amp;Reviewed by</source>
        <translation>审核人(&amp;R)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>receptionist</source>
        <translation>前台接待</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>客服主管</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>管理处经理</translation>
    </message>
    <message>
        <source>general manager</source>
        <translation>总经理</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>系统管理员</translation>
    </message>
</context>
<context>
    <name>ScanKinds</name>
    <message>
        <source>Key tag</source>
        <translation>钥匙牌</translation>
    </message>
    <message>
        <source>Visitor badge</source>
        <translation>访客证</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>快递包裹</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>通行证</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <source>Repair slip</source>
        <translation>派工单</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>未知条码</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <source>%1 was not used: finish or close the open window first, then scan again.</source>
        <extracomment>Which tab handles which kind of code, and the method it offers for it.</extracomment>
        <translation>%1 未处理：请先完成或关闭当前窗口，再重新扫描。</translation>
    </message>
    <message>
        <source>%1 %2: this kind of code is handled in a later version.</source>
        <translation>%1 %2：此类条码将在后续版本中处理。</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>未知条码</translation>
    </message>
    <message>
        <source>What is the code %1?</source>
        <translation>条码 %1 是什么？</translation>
    </message>
    <message>
        <source>Scanner: %1</source>
        <translation>扫描枪：%1</translation>
    </message>
</context>
<context>
    <name>ScanRules</name>
    <message>
        <source>Key tag: K and 4–8 digits (no unit number on the tag)</source>
        <extracomment>The default rules&apos; descriptions (app/devices/recognition.py, stored as data in English): shown translated while they are unchanged. tests/ui/test_scanner_ui.py keeps them in step.</extracomment>
        <translation>钥匙牌：K 加 4–8 位数字（牌上不写房号）</translation>
    </message>
    <message>
        <source>Visitor badge: V and up to 6 digits</source>
        <translation>访客证：V 加最多 6 位数字</translation>
    </message>
    <message>
        <source>Pass: P and at least 6 digits</source>
        <translation>通行证：P 加至少 6 位数字</translation>
    </message>
    <message>
        <source>Contractor pass: PC and 6 digits (Code 128), or with -token (its QR code)</source>
        <translation>施工人员出入证：PC 加 6 位数字（条码），或再加“-校验码”（二维码）</translation>
    </message>
    <message>
        <source>Receipt or refund slip: R or RT, year, dash, 6-digit number (or the receipt&apos;s QR code)</source>
        <translation>收据或退款通知书：R 或 RT、年份、短横线、6 位编号（或收据上的二维码）</translation>
    </message>
    <message>
        <source>Parcel without a barcode: internal number M and 6–8 digits (shelf label)</source>
        <translation>无条码邮件：内部编号 M 加 6–8 位数字（货架标签）</translation>
    </message>
    <message>
        <source>Repair dispatch slip: W, year, dash, 6-digit number</source>
        <translation>维修派工单：W、年份、短横线、6 位数字</translation>
    </message>
    <message>
        <source>Parcel: other tracking numbers (letters and 9–20 digits, or 10–20 digits; not product EAN-13 69…, ISBN/ISSN 977–979…)</source>
        <translation>快递包裹：其他快递单号（字母加 9–20 位数字，或 10–20 位数字；不含商品条码 EAN-13 69…、书刊 ISBN/ISSN 977–979…）</translation>
    </message>
</context>
<context>
    <name>ScannerSettingsPage</name>
    <message>
        <source>(off)</source>
        <translation>（停用）</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Pick a detected USB port to have the scanner found again when Windows gives it another COM number.</source>
        <translation>从检测到的 USB 端口中选择，Windows 更换 COM 号后仍能自动找到扫描枪。</translation>
    </message>
    <message>
        <source>The scanner is found again by this USB identity if its port name changes.</source>
        <translation>端口名称变化时，按此 USB 标识重新找到扫描枪。</translation>
    </message>
    <message>
        <source>Scanner %1</source>
        <translation>扫描枪 %1</translation>
    </message>
    <message>
        <source>Scanner settings saved</source>
        <translation>扫描枪设置已保存</translation>
    </message>
    <message>
        <source>Recognition rules saved</source>
        <translation>识别规则已保存</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>键盘</translation>
    </message>
    <message>
        <source>No serial scanner is configured on this PC.</source>
        <translation>本机未配置串口扫描枪。</translation>
    </message>
    <message>
        <source>Serial scanners</source>
        <translation>串口扫描枪</translation>
    </message>
    <message>
        <source>Keyboard scanners</source>
        <translation>键盘式扫描枪</translation>
    </message>
    <message>
        <source>Recognition rules</source>
        <translation>识别规则</translation>
    </message>
    <message>
        <source>Test your scanner</source>
        <translation>测试扫描枪</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Look again for serial ports (after plugging a scanner in)</source>
        <translation>重新查找串口（插入扫描枪后）</translation>
    </message>
    <message>
        <source>COM3, /dev/ttyUSB0, socket://host:port</source>
        <translation>COM3、/dev/ttyUSB0、socket://主机:端口</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <source>Data bits</source>
        <translation>数据位</translation>
    </message>
    <message>
        <source>Parity</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Stop bits</source>
        <translation>停止位</translation>
    </message>
    <message>
        <source>Line end</source>
        <translation>结束符</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>空闲超时</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>后缀</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>USB device</source>
        <translation>USB 设备</translation>
    </message>
    <message>
        <source>read this scanner</source>
        <translation>读取此扫描枪</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Even</source>
        <translation>偶校验</translation>
    </message>
    <message>
        <source>Odd</source>
        <translation>奇校验</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>CR</source>
        <translation>CR</translation>
    </message>
    <message>
        <source>LF</source>
        <translation>LF</translation>
    </message>
    <message>
        <source>CR+LF</source>
        <translation>CR+LF</translation>
    </message>
    <message>
        <source>None (ends after the idle timeout)</source>
        <translation>无（空闲超时后结束）</translation>
    </message>
    <message>
        <source>CR, LF and CR+LF are all accepted whatever is chosen; with None a code ends after the idle timeout.</source>
        <translation>无论选择哪种，CR、LF 和 CR+LF 都能识别；选“无”时，空闲超时后即为一个条码。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Removed from each code when present. Write control characters as \x02 (STX), \x03 (ETX), \t (tab).</source>
        <translation>出现时从条码中去掉。控制字符写作 \x02（STX）、\x03（ETX）、\t（Tab）。</translation>
    </message>
    <message>
        <source>&amp;Save and restart scanners</source>
        <translation>保存并重启扫描枪(&amp;S)</translation>
    </message>
    <message>
        <source>Scanners that type like a keyboard (USB HID). In a scan field, a burst of keys is taken as a scan: everything after the prefix, if the scanners are programmed with one (most reliable); otherwise at least the minimum number of characters, each faster than the maximum gap, ending with Enter. Typing by hand stays typing.</source>
        <translation>像键盘一样输入的扫描枪（USB HID）。在扫描框中，一串快速按键被视为一次扫描：若扫描枪设置了前缀，前缀之后的内容即为条码（最可靠）；否则须至少达到最少字符数、每个按键间隔小于最大间隔，并以回车结束。手工输入不受影响。</translation>
    </message>
    <message>
        <source>Minimum characters</source>
        <translation>最少字符数</translation>
    </message>
    <message>
        <source>Maximum gap between keys</source>
        <translation>按键最大间隔</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>匹配模式</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>The first rule whose pattern (a regular expression) matches decides what a code is; no match: the counter asks. Shared by every counter.</source>
        <translation>按顺序匹配，第一条匹配（正则表达式）的规则决定条码类别；都不匹配时会询问。所有前台共用。</translation>
    </message>
    <message>
        <source>Only a supervisor can change them.</source>
        <translation>仅主管及以上可修改。</translation>
    </message>
    <message>
        <source>&amp;Try a code:</source>
        <translation>试一个条码(&amp;T)：</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到的内容</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Code type</source>
        <translation>码制</translation>
    </message>
    <message>
        <source>&amp;Keyboard scanner: scan here</source>
        <translation>键盘式扫描枪：在此扫描(&amp;K)</translation>
    </message>
    <message>
        <source>or type a code and press Enter</source>
        <translation>或输入条码后按回车</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>ScannerStates</name>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Property profile saved</source>
        <translation>物业信息已保存</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>物业</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Scanners</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Overstay after (hours)</source>
        <translation>超时提醒（小时）</translation>
    </message>
    <message>
        <source>End of the counter&apos;s day</source>
        <translation>前台每日结束时间</translation>
    </message>
    <message>
        <source>Keep visitors&apos; ID numbers (days)</source>
        <translation>访客证件号码保留天数</translation>
    </message>
    <message>
        <source>After this, only the masked number is kept (personal data protection).</source>
        <translation>超过此期限只保留打码后的号码（个人信息保护）。</translation>
    </message>
    <message>
        <source>Rules saved</source>
        <translation>规则已保存</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>业务规则</translation>
    </message>
    <message>
        <source>Parcels &amp;&amp; e-mail</source>
        <translation>邮件与电子邮件</translation>
    </message>
    <message>
        <source>Carriers</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Keys back by (no overnight loans)</source>
        <translation>钥匙当日归还时间（不得过夜）</translation>
    </message>
    <message>
        <source>Keys &quot;due soon&quot; within (minutes)</source>
        <translation>钥匙“即将到期”提前（分钟）</translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Save property profile</source>
        <translation>保存物业信息</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
</context>
<context>
    <name>SheetModel</name>
    <message>
        <source>Title</source>
        <translation>报刊名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>实到</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已分发</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>索赔</translation>
    </message>
</context>
<context>
    <name>ShiftCloseDialog</name>
    <message>
        <source>Close shift: keys out overnight</source>
        <translation>交班：过夜未还钥匙</translation>
    </message>
    <message>
        <source>Every key out overnight is acknowledged: the shift can close.</source>
        <translation>所有过夜未还钥匙均已确认，可以交班。</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) still out overnight must be acknowledged before the shift closes:</source>
        <translation>
            <numerusform>交班前须确认以下 %n 套过夜未还钥匙：</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Acknowledge selected…</source>
        <translation>确认所选(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Borrower signs here with the mouse, a pen or a finger</source>
        <translation>借用人在此用鼠标、手写笔或手指签字</translation>
    </message>
    <message>
        <source>Clear signature</source>
        <translation>清除签字</translation>
    </message>
</context>
<context>
    <name>SpotCheckDialog</name>
    <message>
        <source>Scanned %1  ·  matched %2  ·  unexpected %3  ·  unknown %4  ·  repeated %5</source>
        <extracomment>The scan router hands scans to the Keys tab while this dialog is open (ui/scan_router.py).</extracomment>
        <translation>已扫描 %1  ·  相符 %2  ·  不应在柜 %3  ·  未知 %4  ·  重复 %5</translation>
    </message>
    <message>
        <source>Spot check of the key cabinet</source>
        <translation>钥匙柜抽查</translation>
    </message>
    <message>
        <source>Spot check #%1 in progress: scan every tag on the hooks, then Finish.</source>
        <translation>抽查 #%1 进行中：逐一扫描挂钩上的钥匙牌，然后点击完成。</translation>
    </message>
    <message>
        <source>Spot check #%1 finished: %2 matched, %3 missing, %4 unexpected.</source>
        <translation>抽查 #%1 已完成：相符 %2，缺失 %3，不应在柜 %4。</translation>
    </message>
    <message>
        <source>Start a spot check, then scan every tag in the cabinet.</source>
        <translation>开始抽查，然后扫描钥匙柜中的每个钥匙牌。</translation>
    </message>
    <message>
        <source>&amp;Start spot check</source>
        <translation>开始抽查(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;can tag:</source>
        <translation>扫描钥匙牌(&amp;C)：</translation>
    </message>
    <message>
        <source>Scan each tag (or type it and press Enter)</source>
        <translation>逐一扫描钥匙牌（或输入后按回车）</translation>
    </message>
    <message>
        <source>Note for the record (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>&amp;Finish and compare</source>
        <translation>完成并比对(&amp;F)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Missing (%1)</source>
        <translation>缺失（%1）</translation>
    </message>
    <message>
        <source>Unexpected (%1)</source>
        <translation>不应在柜（%1）</translation>
    </message>
    <message>
        <source>Matched (%1)</source>
        <translation>相符（%1）</translation>
    </message>
    <message>
        <source>Lent out (%1)</source>
        <translation>借出中（%1）</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Export key statistics</source>
        <translation>导出钥匙统计</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Held at start</source>
        <translation>月初存留</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>签收(次)</translation>
    </message>
    <message>
        <source>Keys lent</source>
        <translation>借出(把)</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>废弃</translation>
    </message>
    <message>
        <source>Locks changed</source>
        <translation>变更(换锁)</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>找回</translation>
    </message>
    <message>
        <source>Held at end</source>
        <translation>月末存留</translation>
    </message>
    <message>
        <source>Monthly key statistics</source>
        <translation>钥匙月度统计表</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>StillOutModel</name>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>钥匙牌</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借用人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>借出时间</translation>
    </message>
    <message>
        <source>Due back</source>
        <translation>应还时间</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Overnight</source>
        <translation>过夜</translation>
    </message>
    <message>
        <source>engineering repair</source>
        <translation>工程维修</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Lent</source>
        <translation>借出中</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>未确认</translation>
    </message>
</context>
<context>
    <name>SubscriptionModel</name>
    <message>
        <source>Unit / department</source>
        <translation>单元／部门</translation>
    </message>
    <message>
        <source>Subscriber</source>
        <translation>订户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>报刊名称</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SubscriptionsPage</name>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>e.g. A-1203</source>
        <translation>例如 A-1203</translation>
    </message>
    <message>
        <source>Running on the day only</source>
        <translation>只看当天有效的</translation>
    </message>
    <message>
        <source>Add a subscription</source>
        <translation>新增订阅</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>报刊名称</translation>
    </message>
    <message>
        <source>or office department</source>
        <translation>或管理处部门</translation>
    </message>
    <message>
        <source>Subscriber</source>
        <translation>订户</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Until ended</source>
        <translation>长期（直至终止）</translation>
    </message>
    <message>
        <source>Add to the list</source>
        <translation>加入一览表</translation>
    </message>
    <message>
        <source>End the selected subscription</source>
        <translation>终止所选订阅</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>End subscription</source>
        <translation>终止订阅</translation>
    </message>
    <message>
        <source>%1 line(s)</source>
        <translation>共 %1 行</translation>
    </message>
</context>
<context>
    <name>TitleModel</name>
    <message>
        <source>Title</source>
        <translation>报刊名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>出版单位</translation>
    </message>
    <message>
        <source>Comes out</source>
        <translation>出版周期</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>可订阅</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>TitlesPage</name>
    <message>
        <source>Add a newspaper or magazine</source>
        <translation>新增报刊</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>报刊名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>出版单位</translation>
    </message>
    <message>
        <source>Comes out</source>
        <translation>出版周期</translation>
    </message>
    <message>
        <source>Add title</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Offer again</source>
        <translation>恢复订阅</translation>
    </message>
    <message>
        <source>Withdraw title</source>
        <translation>停止订阅</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Count with the postman</source>
        <translation>与邮递员清点</translation>
    </message>
    <message>
        <source>Also titles not due today (weeklies, magazines)</source>
        <translation>也显示今天不出版的报刊（周刊、杂志）</translation>
    </message>
    <message>
        <source>Copies received</source>
        <translation>实到份数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Record count</source>
        <translation>登记清点</translation>
    </message>
    <message>
        <source>Deliver to the units</source>
        <translation>分发到各单元</translation>
    </message>
    <message>
        <source>Only what is still to deliver</source>
        <translation>只看尚未分发的</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>Tick all ready</source>
        <translation>勾选全部可分发</translation>
    </message>
    <message>
        <source>Mark ticked delivered</source>
        <translation>所勾选的已分发</translation>
    </message>
    <message>
        <source>Nothing is expected on this day. A magazine that came: tick the box above to count it.</source>
        <translation>这一天没有应到的报刊。杂志到了：勾选上方的选项再清点。</translation>
    </message>
    <message>
        <source>%1: counted at %2 by %3 — %4 of %5 expected.</source>
        <translation>%1：%3 于 %2 清点 —— 应到 %5 份，实到 %4 份。</translation>
    </message>
    <message>
        <source>%1: %2 copies expected from the subscriptions running today.</source>
        <translation>%1：按当天有效的订阅应到 %2 份。</translation>
    </message>
    <message>
        <source>%1 of %2 delivered, %3 ticked</source>
        <translation>已分发 %1 / %2，已勾选 %3</translation>
    </message>
</context>
<context>
    <name>VisitDetailDialog</name>
    <message>
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Visiting</source>
        <translation>被访</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>访客证</translation>
    </message>
    <message>
        <source>Time in</source>
        <translation>进入时间</translation>
    </message>
    <message>
        <source>Time out</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <source>on site</source>
        <translation>在场</translation>
    </message>
    <message>
        <source>Visit #%1</source>
        <translation>来访记录 #%1</translation>
    </message>
    <message numerus="yes">
        <source>History of corrections (%n)</source>
        <translation>
            <numerusform>更正记录（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>When / field</source>
        <translation>时间 / 栏目</translation>
    </message>
    <message>
        <source>By / field</source>
        <translation>更正人 / 栏目</translation>
    </message>
    <message>
        <source>Reason / before</source>
        <translation>原因 / 原值</translation>
    </message>
    <message>
        <source>After</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>&amp;Amend…</source>
        <translation>更正(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation>登记离开(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reprint slip</source>
        <translation>补打访客单(&amp;R)</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Document &amp;no.</source>
        <translation>证件号码(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>&amp;Visiting</source>
        <translation>被访(&amp;V)</translation>
    </message>
    <message>
        <source>Or note</source>
        <translation>或说明</translation>
    </message>
    <message>
        <source>P&amp;urpose</source>
        <translation>事由(&amp;U)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>&amp;Badge no.</source>
        <translation>访客证号(&amp;B)</translation>
    </message>
    <message>
        <source>Visiting an occupant</source>
        <translation>拜访业户</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>送货</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>快递</translation>
    </message>
    <message>
        <source>Repair / maintenance</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Renovation</source>
        <translation>装修</translation>
    </message>
    <message>
        <source>Business meeting</source>
        <translation>商务洽谈</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>面试</translation>
    </message>
    <message>
        <source>Property management office</source>
        <translation>物业管理处</translation>
    </message>
    <message>
        <source>Name, phone or ID tail finds returning visitors</source>
        <translation>输入姓名、电话或证件尾号可找出来过的访客</translation>
    </message>
    <message>
        <source>Unit, name, pinyin initials (zs) or phone tail</source>
        <translation>房号、姓名、拼音首字母（zs）或电话尾号</translation>
    </message>
    <message>
        <source>e.g. management office, when not visiting an occupant</source>
        <translation>例如：管理处（不是拜访业户时）</translation>
    </message>
    <message>
        <source>e.g. 粤B12345</source>
        <translation>例如：粤B12345</translation>
    </message>
    <message>
        <source>Scan or type the badge handed out</source>
        <translation>扫描或输入发放的访客证号</translation>
    </message>
    <message>
        <source>Print visitor slip</source>
        <translation>打印访客单</translation>
    </message>
    <message>
        <source>&amp;Register (Ctrl+Enter)</source>
        <translation>登记(&amp;R) (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>清空 (Esc)</translation>
    </message>
</context>
<context>
    <name>VisitorSlip</name>
    <message>
        <source>Visitor slip</source>
        <translation>访客单</translation>
    </message>
</context>
<context>
    <name>VisitorTab</name>
    <message>
        <source>Registered %1 (badge %2)</source>
        <translation>已登记 %1（访客证 %2）</translation>
    </message>
    <message>
        <source>Signed out %1 (badge %2)</source>
        <translation>%1 已离开（访客证 %2）</translation>
    </message>
    <message numerus="yes">
        <source>On site now: %n visitor(s)</source>
        <translation>
            <numerusform>当前在场：%n 位访客</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overstay(s)</source>
        <translation>
            <numerusform>%n 位超时</numerusform>
        </translation>
    </message>
    <message>
        <source>On site (%1)</source>
        <translation>在场（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) found</source>
        <translation>
            <numerusform>找到 %n 条来访记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Register a visitor</source>
        <translation>访客登记</translation>
    </message>
    <message>
        <source>Register &amp;&amp; search</source>
        <translation>登记簿与查询</translation>
    </message>
    <message>
        <source>Sign out badge:</source>
        <translation>离开登记（访客证）：</translation>
    </message>
    <message>
        <source>Scan or type the badge number, then Enter (Ctrl+O)</source>
        <translation>扫描或输入访客证号后按回车 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>登记离开(&amp;O)</translation>
    </message>
    <message>
        <source>Sign out selected</source>
        <translation>所选访客离开</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>查询(&amp;S)：</translation>
    </message>
    <message>
        <source>Name, pinyin initials, phone, unit, ID tail or badge (Ctrl+F)</source>
        <translation>姓名、拼音首字母、电话、房号、证件尾号或访客证号 (Ctrl+F)</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
</context>
<context>
    <name>VisitorTableModel</name>
    <message>
        <source>Time in</source>
        <translation>进入时间</translation>
    </message>
    <message>
        <source>Time out</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>访客证</translation>
    </message>
    <message>
        <source>Receptionist</source>
        <translation>接待人</translation>
    </message>
    <message>
        <source>Amended</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Overstay: still on site since %1</source>
        <translation>超时：自 %1 起仍在场</translation>
    </message>
    <message>
        <source>Corrected after saving: open the entry to see its history</source>
        <translation>保存后曾更正：打开该记录可查看更正记录</translation>
    </message>
    <message>
        <source>on site</source>
        <translation>在场</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void receipt</source>
        <translation>作废收据</translation>
    </message>
    <message>
        <source>The receipt stays in the register marked VOID. A supervisor confirms with their own user name and password; only receipts of your open shift.</source>
        <translation>收据保留在登记簿中并标记“作废”。须由主管以本人用户名和密码确认；仅限本班收据。</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>作废原因(&amp;R)</translation>
    </message>
    <message>
        <source>Supervisor&apos;s &amp;user name</source>
        <translation>主管用户名(&amp;U)</translation>
    </message>
    <message>
        <source>Supervisor&apos;s pass&amp;word</source>
        <translation>主管密码(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Void receipt</source>
        <translation>作废收据(&amp;V)</translation>
    </message>
</context>
</TS>
