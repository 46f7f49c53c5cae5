<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <source>Resolve on the spot</source>
        <translation>当场办结</translation>
    </message>
    <message>
        <source>Search complaints</source>
        <translation>搜索投诉</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Show the worklist</source>
        <translation>显示工作清单</translation>
    </message>
    <message>
        <source>Close this tab</source>
        <translation>关闭此标签页</translation>
    </message>
    <message>
        <source>Lock the screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Switch language (中文 / English)</source>
        <translation>切换语言（中文 / English）</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Sync with HQ now</source>
        <translation>立即与总行同步</translation>
    </message>
    <message>
        <source>Cancel the sync</source>
        <translation>取消同步</translation>
    </message>
    <message>
        <source>Close the day …</source>
        <translation>日终结账 …</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>Save the complaint</source>
        <translation>保存投诉</translation>
    </message>
    <message>
        <source>Discard this intake</source>
        <translation>放弃本次登记</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认受理</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Log a contact attempt</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>Escalate to the expert panel</source>
        <translation>提交专家组</translation>
    </message>
    <message>
        <source>Extend the deadline</source>
        <translation>延长处理时限</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>作出处理</translation>
    </message>
    <message>
        <source>Record satisfaction</source>
        <translation>记录满意度</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新处理</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回投诉</translation>
    </message>
    <message>
        <source>Link a related complaint</source>
        <translation>关联投诉</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>打印回执</translation>
    </message>
    <message>
        <source>Print the decision letter</source>
        <translation>打印处理结果告知书</translation>
    </message>
    <message>
        <source>Print the extension notice</source>
        <translation>打印延长处理期限告知书</translation>
    </message>
    <message>
        <source>Print the holding response</source>
        <translation>打印进展答复函</translation>
    </message>
    <message>
        <source>Add a scanned file</source>
        <translation>添加扫描件</translation>
    </message>
    <message>
        <source>Show the customer&apos;s full details</source>
        <translation>显示客户完整信息</translation>
    </message>
    <message>
        <source>All complaints of this customer</source>
        <translation>该客户的全部投诉</translation>
    </message>
</context>
<context>
    <name>AttachmentModel</name>
    <message>
        <source>{name} ({kind}, {size}), added by {who}</source>
        <translation>{name}（{kind}，{size}），由 {who} 添加</translation>
    </message>
</context>
<context>
    <name>CaseActionDialog</name>
    <message>
        <source>The expert panel reviews the case; the decision stays due by {due}.</source>
        <translation>专家组审议本案，处理决定期限仍为 {due}。</translation>
    </message>
    <message>
        <source>Working out the new deadline …</source>
        <translation>正在计算新的处理期限…</translation>
    </message>
    <message>
        <source>HQ (the branch asks; HQ&apos;s decision comes with the next sync)</source>
        <translation>总行（由网点申请，总行的决定随下次同步送达）</translation>
    </message>
    <message>
        <source>Decision due now: {due}
New decision deadline: {new}
Approved by: {who}</source>
        <translation>当前处理期限：{due}
延长后的处理期限：{new}
审批人：{who}</translation>
    </message>
    <message>
        <source>A supervisor must enter their staff number and password.</source>
        <translation>须由主管输入本人工号和密码。</translation>
    </message>
    <message>
        <source>What this does</source>
        <translation>本操作的内容</translation>
    </message>
    <message>
        <source>Decision deadline</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>内容(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>方式(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Reached</source>
        <translation>已联系上(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xtension notice</source>
        <translation>延期通知(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Handled by</source>
        <translation>经办人(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>处理结论(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>调查情况(&amp;F)</translation>
    </message>
    <message>
        <source>Findings for the c&amp;ustomer&apos;s letter</source>
        <translation>告知客户的核实情况(&amp;U)</translation>
    </message>
    <message>
        <source>How it &amp;was verified</source>
        <translation>核实方式(&amp;W)</translation>
    </message>
    <message>
        <source>Re&amp;medy</source>
        <translation>补救措施(&amp;M)</translation>
    </message>
    <message>
        <source>Bas&amp;is and reasons</source>
        <translation>依据和理由(&amp;I)</translation>
    </message>
    <message>
        <source>Rule or contract c&amp;lause relied on</source>
        <translation>所依据的规定或合同条款(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Compensation (yuan)</source>
        <translation>补偿金额（元）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Score (1–5)</source>
        <translation>评分（1–5）(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;omment</source>
        <translation>意见(&amp;O)</translation>
    </message>
    <message>
        <source>Related &amp;reference</source>
        <translation>关联投诉编号(&amp;R)</translation>
    </message>
    <message>
        <source>Root c&amp;ause</source>
        <translation>根本原因(&amp;A)</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>The customer was reached</source>
        <translation>已联系上客户</translation>
    </message>
    <message>
        <source>The customer was told of the deadline extension</source>
        <translation>已告知客户处理期限延长</translation>
    </message>
    <message>
        <source>Supervisor&apos;s approval</source>
        <translation>主管审批</translation>
    </message>
    <message>
        <source>This needs the approval of: {roles}. They enter their own staff number and password here.</source>
        <translation>此操作须由以下人员审批：{roles}。请其在此输入本人工号和密码。</translation>
    </message>
    <message>
        <source>Why the action was refused</source>
        <translation>操作未成功的原因</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <source>Acknowledge the complaint?</source>
        <translation>确认受理这件投诉？</translation>
    </message>
    <message>
        <source>Record that the complaint was acknowledged to the customer.</source>
        <translation>记录已向客户确认受理。</translation>
    </message>
    <message>
        <source>Close the case?</source>
        <translation>结案？</translation>
    </message>
    <message>
        <source>Close the resolved case. A supervisor can reopen it later.</source>
        <translation>关闭已处理的案件。之后主管可以重新打开。</translation>
    </message>
</context>
<context>
    <name>CaseTasks</name>
    <message>
        <source>Open task: extension notice not yet given. Print the extension notice, or log a contact attempt that told the customer.</source>
        <translation>待办：尚未告知客户延期。请打印延期通知书，或登记一次已告知客户的联系记录。</translation>
    </message>
    <message>
        <source>Extension requested: it takes effect only when HQ approves it.</source>
        <translation>已申请延期：须经总行批准后方生效。</translation>
    </message>
    <message>
        <source>Open task: acknowledge the complaint to the customer by {when}.</source>
        <translation>待办：须于{when}前向客户确认已收到投诉。</translation>
    </message>
    <message>
        <source>Open task: no final response yet — send the customer the holding response by {when}.</source>
        <translation>待办：尚未作出最终答复，须于{when}前向客户发出进展答复函。</translation>
    </message>
    <message>
        <source>Provisional deadline: it falls in a year the holiday calendar does not cover yet, so it was counted on weekends alone and may move once HQ publishes that year&apos;s calendar.</source>
        <translation>暂定期限：该期限落在节假日日历尚未覆盖的年份，仅按周末计算；总行发布该年度日历后可能变动。</translation>
    </message>
    <message>
        <source>Open tasks of this case</source>
        <translation>本案待办事项</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Case …</source>
        <translation>案件……</translation>
    </message>
    <message>
        <source>Case {reference}</source>
        <translation>案件 {reference}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Decision due</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结论</translation>
    </message>
    <message>
        <source>Related complaints</source>
        <translation>关联投诉</translation>
    </message>
    <message>
        <source>Ask HQ for an extension</source>
        <translation>向总行申请延期</translation>
    </message>
    <message>
        <source>{action} (supervisor approves)</source>
        <translation>{action}（需主管审批）</translation>
    </message>
    <message>
        <source>Customer&apos;s complaints …</source>
        <translation>客户的投诉……</translation>
    </message>
    <message>
        <source>Receipt …</source>
        <translation>回执……</translation>
    </message>
    <message>
        <source>Decision letter …</source>
        <translation>处理决定书……</translation>
    </message>
    <message>
        <source>Print the decision letter</source>
        <translation>打印处理决定书</translation>
    </message>
    <message>
        <source>Extension notice …</source>
        <translation>延期告知书……</translation>
    </message>
    <message>
        <source>Print the extension notice</source>
        <translation>打印延期告知书</translation>
    </message>
    <message>
        <source>Holding response …</source>
        <translation>进展答复函 …</translation>
    </message>
    <message>
        <source>Print the holding response</source>
        <translation>打印进展答复函</translation>
    </message>
    <message>
        <source>Attach&amp;ments</source>
        <translation>附件(&amp;M)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Add a scanned file …</source>
        <translation>添加扫描件……</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open the chosen attachment</source>
        <translation>打开选中的附件</translation>
    </message>
    <message>
        <source>Risk signals: {signals}</source>
        <translation>风险信号：{signals}</translation>
    </message>
    <message>
        <source>ID {number}</source>
        <translation>证件号 {number}</translation>
    </message>
    <message>
        <source>Address {address}</source>
        <translation>地址 {address}</translation>
    </message>
    <message>
        <source>{capacity} {name}, ID {number}, phone {phone}</source>
        <translation>{capacity}{name}，证件号 {number}，电话 {phone}</translation>
    </message>
    <message>
        <source>Unit complained about: {unit}</source>
        <translation>被投诉部门：{unit}</translation>
    </message>
    <message>
        <source>Product: {product}</source>
        <translation>产品：{product}</translation>
    </message>
    <message>
        <source>Amount: {amount}</source>
        <translation>金额：{amount}</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>打印回执</translation>
    </message>
    <message>
        <source>Add a scanned file</source>
        <translation>添加扫描件</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>处理经过(&amp;T)</translation>
    </message>
    <message>
        <source>Timeline of the complaint</source>
        <translation>投诉处理经过</translation>
    </message>
    <message>
        <source>What happened and what the customer asks for</source>
        <translation>投诉事项及客户诉求</translation>
    </message>
    <message>
        <source>Reference number</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <source>needs review</source>
        <translation>需人工核对</translation>
    </message>
    <message>
        <source>(extended {count}×)</source>
        <translation>（已延期 {count} 次）</translation>
    </message>
    <message>
        <source>Level {level}</source>
        <translation>第 {level} 级</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>What happened: {description}
The customer asks for: {request}</source>
        <translation>投诉事项：{description}
客户诉求：{request}</translation>
    </message>
</context>
<context>
    <name>CategoryStep</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>No special handling steps for this category.</source>
        <translation>此类别没有特别的处理要求。</translation>
    </message>
    <message>
        <source>&amp;Search categories</source>
        <translation>搜索类别(&amp;S)</translation>
    </message>
    <message>
        <source>A word, e.g. 贷款, card, fee, or a code like B0201</source>
        <translation>输入关键词，如“贷款”“卡”“费用”，或代码如 B0201</translation>
    </message>
    <message>
        <source>Search categories</source>
        <translation>搜索类别</translation>
    </message>
    <message>
        <source>Business &amp;type *</source>
        <translation>业务类型(&amp;T) *</translation>
    </message>
    <message>
        <source>C&amp;ause *</source>
        <translation>投诉原因(&amp;A) *</translation>
    </message>
    <message>
        <source>Business type</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <source>Business type: message</source>
        <translation>业务类型：提示</translation>
    </message>
    <message>
        <source>Cause: message</source>
        <translation>投诉原因：提示</translation>
    </message>
    <message>
        <source>Business channe&amp;l (optional)</source>
        <translation>业务渠道(&amp;L)（选填）</translation>
    </message>
    <message>
        <source>Channel of the business complained about</source>
        <translation>被投诉业务的办理渠道</translation>
    </message>
    <message>
        <source>Business channel: message</source>
        <translation>业务渠道：提示</translation>
    </message>
    <message>
        <source>What this category needs</source>
        <translation>此类别需填写</translation>
    </message>
    <message>
        <source>Handling checklist</source>
        <translation>处理要点</translation>
    </message>
</context>
<context>
    <name>CorporateRepresentativeBox</name>
    <message>
        <source>Legal representative or principal contact</source>
        <translation>法定代表人或主要负责人</translation>
    </message>
    <message>
        <source>Spea&amp;ks as</source>
        <translation>身份(&amp;K)</translation>
    </message>
    <message>
        <source>Representative speaks as</source>
        <translation>代表身份</translation>
    </message>
    <message>
        <source>Representative&apos;s name</source>
        <translation>代表姓名</translation>
    </message>
    <message>
        <source>Representative&apos;s ID document</source>
        <translation>代表身份证件</translation>
    </message>
    <message>
        <source>Representative&apos;s ID document type</source>
        <translation>代表身份证件类型</translation>
    </message>
    <message>
        <source>Representative&apos;s ID number</source>
        <translation>代表证件号码</translation>
    </message>
    <message>
        <source>Representative&apos;s phone</source>
        <translation>代表联系电话</translation>
    </message>
    <message>
        <source>Representative messages</source>
        <translation>代表信息提示</translation>
    </message>
</context>
<context>
    <name>CorrectiveActionsModel</name>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>What</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1，已逾期</translation>
    </message>
</context>
<context>
    <name>CorrectiveActionsPanel</name>
    <message>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>%1 open, %2 overdue</source>
        <translation>%1 项未完成，%2 项逾期</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>仅看逾期(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Mark done…</source>
        <translation>标记完成(&amp;M)…</translation>
    </message>
    <message>
        <source>Record that the selected action is done, with a note</source>
        <translation>记录所选整改措施已完成，并附说明</translation>
    </message>
    <message>
        <source>Open corrective actions</source>
        <translation>未完成的整改措施</translation>
    </message>
</context>
<context>
    <name>CounterStatusBar</name>
    <message>
        <source>Not enrolled with HQ</source>
        <translation>未登记到总行</translation>
    </message>
    <message>
        <source>Sync is off on this PC.</source>
        <translation>本机不进行同步。</translation>
    </message>
    <message>
        <source>HQ: not known yet</source>
        <translation>总行：尚未连接</translation>
    </message>
    <message>
        <source>This PC has not contacted HQ yet.</source>
        <translation>本机尚未联系过总行。</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>HQ answered at {time}.</source>
        <translation>总行于 {time} 应答。</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <source>HQ could not be reached at {time}. Work goes on; unsent changes are kept and sent when HQ is back.</source>
        <translation>{time} 无法连接总行。工作照常进行；未上传的变更会保留，待总行恢复后上传。</translation>
    </message>
    <message>
        <source>sync refused</source>
        <translation>同步被拒绝</translation>
    </message>
    <message>
        <source>sync failed</source>
        <translation>同步失败</translation>
    </message>
    <message>
        <source>sync cancelled</source>
        <translation>同步已取消</translation>
    </message>
    <message>
        <source>day-end differs</source>
        <translation>日终核对不一致</translation>
    </message>
    <message>
        <source>⚠ This PC&apos;s clock is wrong</source>
        <translation>⚠ 本机时钟有误</translation>
    </message>
    <message>
        <source>It is about {minutes} minutes off HQ&apos;s clock. </source>
        <translation>与总行时钟相差约 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Set the right date and time (ask IT); until then HQ may refuse this PC&apos;s changes, which are kept and sent once it is right.</source>
        <translation>请校正日期和时间（联系信息科技部门）；在此之前总行可能拒收本机的更改，这些更改会保留，时钟正确后自动发送。</translation>
    </message>
    <message>
        <source>⚠ {count} events from HQ set aside</source>
        <translation>⚠ {count} 条总行事件已隔离</translation>
    </message>
    <message>
        <source>{count} events received from HQ could not be applied on this PC and are kept in quarantine; sync goes on. List them with complaint-desk admin quarantine and tell HQ.</source>
        <translation>从总行收到的 {count} 条事件无法在本机应用，已隔离保存；同步照常进行。可用 complaint-desk admin quarantine 查看并告知总行。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the sync</source>
        <translation>取消同步</translation>
    </message>
    <message>
        <source>Unsent changes: {count}</source>
        <translation>待上传：{count}</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>上次同步：{when}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Nobody logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Logged in: {name} ({number}, {role}) · branch {branch}</source>
        <translation>当前用户：{name}（{number}，{role}）· 网点 {branch}</translation>
    </message>
    <message>
        <source>Connection to HQ</source>
        <translation>与总行的连接</translation>
    </message>
    <message>
        <source>Unsent changes</source>
        <translation>待上传的变更</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Logged-in user</source>
        <translation>当前登录用户</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>同步进度</translation>
    </message>
</context>
<context>
    <name>CredentialsForm</name>
    <message>
        <source>&amp;Staff number</source>
        <translation>工号(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>e.g. T001</source>
        <translation>如 T001</translation>
    </message>
    <message>
        <source>Enter your staff number.</source>
        <translation>请输入工号。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
</context>
<context>
    <name>CustomerComplaintsModel</name>
    <message>
        <source>Reference</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Decision due</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
</context>
<context>
    <name>CustomerMatchModel</name>
    <message numerus="yes">
        <source>{open} open / %n complaint(s)</source>
        <translation>
            <numerusform>未结 {open} / 共 %n 件投诉</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerStep</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found</source>
        <translation>
            <numerusform>找到 %n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer found; enter the customer&apos;s details below.</source>
        <translation>未找到客户，请在下方填写客户信息。</translation>
    </message>
    <message>
        <source>The phone differs from the file</source>
        <translation>电话与档案不一致</translation>
    </message>
    <message>
        <source>On file: {phone}. Is the phone you typed right? Yes: it replaces the one on file when the complaint is saved (recorded on the timeline). No: keep the phone on file.</source>
        <translation>档案中的电话：{phone}。您输入的电话是否正确？是：保存投诉时以新电话替换档案中的电话（记入时间线）。否：保留档案中的电话。</translation>
    </message>
    <message>
        <source>New customer: enter their details.</source>
        <translation>新客户：请填写客户信息。</translation>
    </message>
    <message>
        <source>Known customer: {name} {ident}. Leave a field empty to keep what is on file; type to update it.</source>
        <translation>已有客户：{name} {ident}。留空的项目保留原有信息，填写则更新。</translation>
    </message>
    <message>
        <source>on file: {value}</source>
        <translation>已登记：{value}</translation>
    </message>
    <message>
        <source>The name typed differs from the file: saving asks which is right.</source>
        <translation>录入的姓名与系统中的不一致：保存时将请您确认以哪一个为准。</translation>
    </message>
    <message>
        <source>The phone typed replaces the one on file when the complaint is saved.</source>
        <translation>保存投诉时，输入的电话将替换档案中的电话。</translation>
    </message>
    <message numerus="yes">
        <source>Repeat complaint? This customer has %n open complaint(s). Check them before recording a new one.</source>
        <translation>
            <numerusform>是否重复投诉？该客户有 %n 件未办结的投诉，请先查看再登记新投诉。</numerusform>
        </translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>查找(&amp;I)</translation>
    </message>
    <message>
        <source>ID number, phone or name</source>
        <translation>证件号码、电话或姓名</translation>
    </message>
    <message>
        <source>Find a customer by ID number, phone or name</source>
        <translation>按证件号码、电话或姓名查找客户</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>New customer (Enter in an empty search box)</source>
        <translation>新客户（在空的查找框中按回车）</translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation>查找结果</translation>
    </message>
    <message>
        <source>This customer&apos;s complaints</source>
        <translation>该客户的投诉</translation>
    </message>
    <message>
        <source>Earlier and open complaints of this customer</source>
        <translation>该客户以往及未办结的投诉</translation>
    </message>
    <message>
        <source>Customer on file</source>
        <translation>已登记的客户</translation>
    </message>
    <message>
        <source>Repeat complaint warning</source>
        <translation>重复投诉提示</translation>
    </message>
    <message>
        <source>Customer is</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Individual customer</source>
        <translation>个人客户</translation>
    </message>
    <message>
        <source>Company customer</source>
        <translation>单位客户</translation>
    </message>
    <message>
        <source>Company na&amp;me</source>
        <translation>单位名称(&amp;M)</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>姓名(&amp;M)</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <source>ID &amp;document</source>
        <translation>证件类型(&amp;D)</translation>
    </message>
    <message>
        <source>ID document type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID n&amp;umber</source>
        <translation>证件号码(&amp;U)</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Credi&amp;t code</source>
        <translation>信用代码(&amp;T)</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Contact pe&amp;rson</source>
        <translation>联系人(&amp;R)</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Someone is complaining on the customer&apos;s behalf (a&amp;gent)</source>
        <translation>由他人代为投诉（代理人）(&amp;G)</translation>
    </message>
    <message>
        <source>Agent acting for the customer</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Agent&apos;s name</source>
        <translation>代理人姓名</translation>
    </message>
    <message>
        <source>Agent&apos;s ID document</source>
        <translation>代理人证件类型</translation>
    </message>
    <message>
        <source>Agent&apos;s ID document type</source>
        <translation>代理人证件类型</translation>
    </message>
    <message>
        <source>Agent&apos;s ID number</source>
        <translation>代理人证件号码</translation>
    </message>
    <message>
        <source>Agent&apos;s phone</source>
        <translation>代理人电话</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>与客户关系</translation>
    </message>
    <message>
        <source>Agent&apos;s relationship to the customer</source>
        <translation>代理人与客户的关系</translation>
    </message>
    <message>
        <source>Power of attorney</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>Power of attorney seen</source>
        <translation>已查验授权委托书</translation>
    </message>
    <message>
        <source>Seen and copied</source>
        <translation>已查验并留存复印件</translation>
    </message>
    <message>
        <source>Power of attorney document</source>
        <translation>授权委托书类型</translation>
    </message>
    <message>
        <source>What the power of attorney is, e.g. notarised or written authorisation</source>
        <translation>授权委托书的类型，如经公证的委托书或书面授权</translation>
    </message>
    <message>
        <source>e.g. notarised power of attorney</source>
        <translation>例如：经公证的授权委托书</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <source>Customer …</source>
        <translation>客户……</translation>
    </message>
    <message>
        <source>Customer {name}</source>
        <translation>客户 {name}</translation>
    </message>
    <message>
        <source>Complaints of this c&amp;ustomer</source>
        <translation>该客户的投诉(&amp;U)</translation>
    </message>
    <message>
        <source>Complaints of this customer</source>
        <translation>该客户的投诉</translation>
    </message>
    <message>
        <source>Only those with risk si&amp;gnals</source>
        <translation>只看有风险信号的(&amp;G)</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <source>Complaints: {total} · still open: {open} · with risk signals: {risky}</source>
        <translation>投诉：{total} 件 · 未办结：{open} 件 · 有风险信号：{risky} 件</translation>
    </message>
    <message>
        <source>ID {number}</source>
        <translation>证件号 {number}</translation>
    </message>
    <message>
        <source>Credit code {code}</source>
        <translation>信用代码 {code}</translation>
    </message>
    <message>
        <source>Address {address}</source>
        <translation>地址 {address}</translation>
    </message>
    <message>
        <source>Phone {phone}</source>
        <translation>电话 {phone}</translation>
    </message>
    <message>
        <source>Contact {name}</source>
        <translation>联系人 {name}</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>No category rose week over week in the week of %1 (flagged: %2 more than the week before and at least %3)</source>
        <translation>%1 当周没有类别环比上升（标记条件：比前一周多 %2 且至少 %3 件）</translation>
    </message>
    <message>
        <source>%1: %2 in the week of %3, %4 the week before</source>
        <translation>%1：%3 当周 %2 件，前一周 %4 件</translation>
    </message>
    <message>
        <source>Rising week over week (%1 more and at least %2): %3</source>
        <translation>环比上升（多 %1 且至少 %2 件）：%3</translation>
    </message>
    <message>
        <source>&amp;Week:</source>
        <translation>周次(&amp;W)：</translation>
    </message>
    <message numerus="yes">
        <source>All %n week(s)</source>
        <translation>
            <numerusform>全部 %n 周</numerusform>
        </translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>%1 当周</translation>
    </message>
    <message>
        <source>Reopened: %1</source>
        <translation>重新处理：%1</translation>
    </message>
    <message>
        <source>Of the complaints of these weeks decided at least once, the share reopened since</source>
        <translation>这几周的投诉中，已作出过处理决定、之后又被重新打开的比例</translation>
    </message>
    <message numerus="yes">
        <source>Overdue cases: %n</source>
        <translation>
            <numerusform>超期案件：%n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Corrective actions overdue: %n</source>
        <translation>
            <numerusform>超期整改措施：%n</numerusform>
        </translation>
    </message>
    <message>
        <source>Received (blue) and decided (green), by week — click a week</source>
        <translation>每周受理（蓝）与办结（绿）——点击某周查看</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <source>Click a week to see its categories and rise</source>
        <translation>点击某周，查看该周的类别及环比上升</translation>
    </message>
    <message>
        <source>Received by business type (click a bar)</source>
        <translation>按业务类别受理量（点击柱条）</translation>
    </message>
    <message>
        <source>Decided on time, by week (%) — all weeks: %1</source>
        <translation>每周按时办结率（%）——全部周次：%1</translation>
    </message>
    <message>
        <source>Satisfaction, by week (1–5) — all weeks: %1</source>
        <translation>每周满意度（1–5）——全部周次：%1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>统计看板</translation>
    </message>
    <message>
        <source>Export statistics…</source>
        <translation>导出统计报表…</translation>
    </message>
    <message>
        <source>Export the JR/T 0169 statistics of a period as XLSX, CSV or PDF</source>
        <translation>将某一期间的 JR/T 0169 统计导出为 XLSX、CSV 或 PDF</translation>
    </message>
    <message>
        <source>Open the overdue worklist</source>
        <translation>打开超期清单</translation>
    </message>
    <message>
        <source>Open the worklist of overdue corrective actions</source>
        <translation>打开超期整改措施清单</translation>
    </message>
</context>
<context>
    <name>DayEndDialog</name>
    <message>
        <source>The pre-check could not be read.</source>
        <translation>未能读取结账前检查。</translation>
    </message>
    <message>
        <source>Checking the day …</source>
        <translation>正在检查当日情况 …</translation>
    </message>
    <message>
        <source>Before the close:</source>
        <translation>结账前检查：</translation>
    </message>
    <message numerus="yes">
        <source>Overdue cases: %n</source>
        <translation>
            <numerusform>超期案件：%n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes not yet sent to HQ: %n (the close sends them)</source>
        <translation>
            <numerusform>待上传到总行的变更：%n（结账时上传）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Intake drafts still open: %n</source>
        <translation>
            <numerusform>未完成的受理草稿：%n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This day was already closed (%n time(s)): closing again is a re-run, and its day-end report is printed as a copy.</source>
        <translation>
            <numerusform>当日已结账（%n 次）：再次结账为重新结账，日终报表将作为副本打印。</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the sync that is running to finish …</source>
        <translation>正在等待进行中的同步完成 …</translation>
    </message>
    <message>
        <source>HQ and this branch agree: the day {date} is closed.</source>
        <translation>总行与本网点核对一致：{date} 日终已结账。</translation>
    </message>
    <message>
        <source>Events of the day: {count}. Sent again: {resent}.</source>
        <translation>当日记录：{count} 条；重新上传：{resent} 条。</translation>
    </message>
    <message>
        <source>This was a re-run of the close (close no. {run}); the day-end report is a copy.</source>
        <translation>本次为重新结账（第 {run} 次结账），日终报表为副本。</translation>
    </message>
    <message>
        <source>The day-end close was cancelled; the day is not closed. What was already sent stays sent.</source>
        <translation>日终结账已取消，当日未结账。已上传的记录保持不变。</translation>
    </message>
    <message>
        <source>The day could not be closed.</source>
        <translation>日终结账未能完成。</translation>
    </message>
    <message>
        <source>Close the day {date}</source>
        <translation>日终结账 {date}</translation>
    </message>
    <message>
        <source>Everything recorded on this PC is sent to HQ, the day&apos;s records are compared with HQ&apos;s, whatever HQ is missing is sent again, and the close is recorded. Then the day-end report opens for printing. Check the figures below, then confirm.</source>
        <translation>本机记录的全部内容将上传至总行，与总行核对当日记录，补传总行缺少的记录并登记结账；随后打开日终报表供打印。请先查看下列数字，再确认结账。</translation>
    </message>
    <message>
        <source>C&amp;lose the day</source>
        <translation>确认结账(&amp;L)</translation>
    </message>
    <message>
        <source>Day-end &amp;report …</source>
        <translation>日终报表(&amp;R) …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Day-end progress</source>
        <translation>日终进度</translation>
    </message>
    <message>
        <source>Day-end step</source>
        <translation>日终步骤</translation>
    </message>
    <message>
        <source>Day-end result</source>
        <translation>日终结果</translation>
    </message>
</context>
<context>
    <name>DetailsStep</name>
    <message>
        <source>Details</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>&amp;Received by</source>
        <translation>投诉渠道(&amp;R)</translation>
    </message>
    <message>
        <source>How the complaint reached the bank</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <source>When it happene&amp;d</source>
        <translation>发生日期(&amp;D)</translation>
    </message>
    <message>
        <source>Date it happened</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>&amp;What happened</source>
        <translation>投诉事项(&amp;W)</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>投诉事项</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>产品(&amp;P)</translation>
    </message>
    <message>
        <source>Product or service</source>
        <translation>产品或服务</translation>
    </message>
    <message>
        <source>A&amp;mount involved</source>
        <translation>涉及金额(&amp;M)</translation>
    </message>
    <message>
        <source>Amount involved in yuan</source>
        <translation>涉及金额（元）</translation>
    </message>
    <message>
        <source>What the customer as&amp;ks for</source>
        <translation>客户诉求(&amp;K)</translation>
    </message>
    <message>
        <source>What the customer asks for</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <source>Contact b&amp;y</source>
        <translation>联系方式(&amp;Y)</translation>
    </message>
    <message>
        <source>Preferred contact channel</source>
        <translation>希望的联系方式</translation>
    </message>
    <message>
        <source>Contact &amp;time</source>
        <translation>联系时间(&amp;T)</translation>
    </message>
    <message>
        <source>Preferred contact time</source>
        <translation>希望的联系时间</translation>
    </message>
    <message>
        <source>Staff or &amp;unit complained about</source>
        <translation>被投诉人员或部门(&amp;U)</translation>
    </message>
    <message>
        <source>Staff or unit complained about</source>
        <translation>被投诉人员或部门</translation>
    </message>
    <message>
        <source>Un&amp;it complained about</source>
        <translation>被投诉部门(&amp;I)</translation>
    </message>
    <message>
        <source>The branch&apos;s unit complained about</source>
        <translation>被投诉的本网点部门</translation>
    </message>
    <message>
        <source>(not a unit of the branch)</source>
        <translation>（非本网点部门）</translation>
    </message>
    <message>
        <source>&amp;Grounds</source>
        <translation>投诉理由(&amp;G)</translation>
    </message>
    <message>
        <source>Why the customer thinks they are right</source>
        <translation>客户认为其诉求成立的理由</translation>
    </message>
    <message>
        <source>Rec&amp;ording reference</source>
        <translation>录音录像索引(&amp;O)</translation>
    </message>
    <message>
        <source>Counter or camera number and time window of the branch&apos;s recording</source>
        <translation>网点录音录像的窗口或摄像头编号及时间段</translation>
    </message>
    <message>
        <source>e.g. counter 3 camera, 09:00-10:30</source>
        <translation>如：3号窗口摄像头，09:00-10:30</translation>
    </message>
    <message>
        <source>e.g. weekdays after 18:00</source>
        <translation>如 工作日 18:00 以后</translation>
    </message>
    <message>
        <source>e.g. credit card, mobile banking</source>
        <translation>如 信用卡、手机银行</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Corrective action done</source>
        <translation>整改措施完成</translation>
    </message>
    <message>
        <source>%1 — %2 (owner %3, due %4)</source>
        <translation>%1 — %2（负责人 %3，期限 %4）</translation>
    </message>
    <message>
        <source>&amp;Note (what was done):</source>
        <translation>说明（做了什么）(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Mark done</source>
        <translation>标记完成(&amp;M)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>{field}: message</source>
        <translation>{field}：提示</translation>
    </message>
</context>
<context>
    <name>GroupComplaintBox</name>
    <message numerus="yes">
        <source>A group complaint chooses at most %n representative(s).</source>
        <translation>
            <numerusform>群体投诉最多推选 %n 名代表。</numerusform>
        </translation>
    </message>
    <message>
        <source>Group comp&amp;laint (several people, through representatives)</source>
        <translation>群体投诉（多人通过代表投诉）(&amp;L)</translation>
    </message>
    <message>
        <source>Group complaint</source>
        <translation>群体投诉</translation>
    </message>
    <message>
        <source>People r&amp;epresented</source>
        <translation>代表人数(&amp;E)</translation>
    </message>
    <message>
        <source>How many people the group complaint speaks for</source>
        <translation>群体投诉所代表的人数</translation>
    </message>
    <message>
        <source>Representative&apos;s name</source>
        <translation>代表姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message numerus="yes">
        <source>Representatives, at most %n</source>
        <translation>
            <numerusform>代表，最多 %n 名</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a representative</source>
        <translation>添加代表</translation>
    </message>
    <message>
        <source>Remove the chosen representative</source>
        <translation>删除所选代表</translation>
    </message>
    <message>
        <source>Group complaint messages</source>
        <translation>群体投诉提示</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Reference</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>This image cannot be shown on this PC.</source>
        <translation>此电脑无法显示这张图片。</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <source>Saved: {reference}</source>
        <translation>已保存：{reference}</translation>
    </message>
    <message>
        <source>New complaint (settled at the counter)</source>
        <translation>新建投诉（当场办结）</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <source>Discard this complaint?</source>
        <translation>放弃这件投诉？</translation>
    </message>
    <message>
        <source>What was typed for this complaint will be deleted.</source>
        <translation>已为这件投诉填写的内容将被删除。</translation>
    </message>
    <message>
        <source>The customer&apos;s details differ from the file</source>
        <translation>客户信息与系统记录不一致</translation>
    </message>
    <message>
        <source>On file: {name} {phone}. Is what you typed right? Yes: update the customer&apos;s file (recorded on the timeline). No: correct the fields here.</source>
        <translation>系统记录：{name} {phone}。您录入的信息是否正确？是：更新该客户的信息（记入处理记录）。否：在此处更正。</translation>
    </message>
    <message>
        <source>← &amp;Back</source>
        <translation>← 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>&amp;Next →</source>
        <translation>下一步(&amp;N) →</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Intake heading</source>
        <translation>登记标题</translation>
    </message>
    <message>
        <source>Intake steps</source>
        <translation>登记步骤</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Your unfinished complaint from {when} was restored. Discard it with Ctrl+Shift+Delete.</source>
        <translation>已恢复您在 {when} 未完成的投诉登记。如需放弃，请按 Ctrl+Shift+Delete。</translation>
    </message>
</context>
<context>
    <name>IntakeRules</name>
    <message>
        <source>Tick this once the customer has confirmed the complaint is settled.</source>
        <translation>客户确认投诉已解决后，请勾选此项。</translation>
    </message>
</context>
<context>
    <name>Interaction</name>
    <message>
        <source>Could not complete the action</source>
        <translation>操作未能完成</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}). Nothing was changed; please try again.</source>
        <translation>出现错误（{kind}），未作任何更改，请重试。</translation>
    </message>
    <message>
        <source>Details are in the log: {path}</source>
        <translation>详情见日志：{path}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>柜面</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>手机银行</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Regulator referral</source>
        <translation>监管转办</translation>
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
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>In person at the branch</source>
        <translation>到网点面谈</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>HQ officer</source>
        <translation>总行消保专员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>view cases</source>
        <translation>查看案件</translation>
    </message>
    <message>
        <source>record complaints</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>acknowledge complaints</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <source>add notes</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>log contact attempts</source>
        <translation>记录联系情况</translation>
    </message>
    <message>
        <source>assign cases</source>
        <translation>分派案件</translation>
    </message>
    <message>
        <source>escalate to the expert panel</source>
        <translation>提交专家组</translation>
    </message>
    <message>
        <source>extend deadlines</source>
        <translation>延长处理期限</translation>
    </message>
    <message>
        <source>resolve complaints</source>
        <translation>作出处理决定</translation>
    </message>
    <message>
        <source>print case documents</source>
        <translation>打印案件文书</translation>
    </message>
    <message>
        <source>record satisfaction</source>
        <translation>记录满意度</translation>
    </message>
    <message>
        <source>close cases</source>
        <translation>办结案件</translation>
    </message>
    <message>
        <source>reopen cases</source>
        <translation>重新开启案件</translation>
    </message>
    <message>
        <source>record withdrawals</source>
        <translation>登记撤诉</translation>
    </message>
    <message>
        <source>link related complaints</source>
        <translation>关联相关投诉</translation>
    </message>
    <message>
        <source>decide escalated cases for HQ</source>
        <translation>代总行对上报案件作出决定</translation>
    </message>
    <message>
        <source>add attachments</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>open attachments</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <source>approve a deadline extension</source>
        <translation>批准延长期限</translation>
    </message>
    <message>
        <source>approve reopening a case</source>
        <translation>批准重新开启案件</translation>
    </message>
    <message>
        <source>approve compensation</source>
        <translation>批准赔偿</translation>
    </message>
    <message>
        <source>manage staff accounts</source>
        <translation>管理员工账户</translation>
    </message>
    <message>
        <source>unlock staff accounts</source>
        <translation>解锁员工账户</translation>
    </message>
    <message>
        <source>manage encryption keys</source>
        <translation>管理加密密钥</translation>
    </message>
    <message>
        <source>verify the audit trail</source>
        <translation>校验审计记录</translation>
    </message>
    <message>
        <source>sync with HQ</source>
        <translation>与总行同步</translation>
    </message>
    <message>
        <source>print the day-end report</source>
        <translation>打印日终报表</translation>
    </message>
    <message>
        <source>print statistics</source>
        <translation>打印统计报表</translation>
    </message>
    <message>
        <source>record the complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>acknowledge</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>log a contact attempt</source>
        <translation>记录联系情况</translation>
    </message>
    <message>
        <source>assign</source>
        <translation>分派</translation>
    </message>
    <message>
        <source>escalate</source>
        <translation>提交专家组</translation>
    </message>
    <message>
        <source>extend the deadline</source>
        <translation>延长期限</translation>
    </message>
    <message>
        <source>resolve</source>
        <translation>作出处理决定</translation>
    </message>
    <message>
        <source>print a document</source>
        <translation>打印文书</translation>
    </message>
    <message>
        <source>close the case</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>reopen</source>
        <translation>重新开启</translation>
    </message>
    <message>
        <source>withdraw</source>
        <translation>撤诉</translation>
    </message>
    <message>
        <source>link a related complaint</source>
        <translation>关联相关投诉</translation>
    </message>
    <message>
        <source>add an attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>record HQ&apos;s decision</source>
        <translation>登记总行决定</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Principal contact</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Hong Kong/Macao permit</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <source>Taiwan permit</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <source>Foreign permanent resident ID</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>其他证件</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>我的案件</translation>
    </message>
    <message>
        <source>Branch (open)</source>
        <translation>本网点（未办结）</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Awaiting customer</source>
        <translation>待客户确认</translation>
    </message>
    <message>
        <source>Extension notice not yet given</source>
        <translation>尚未告知延期</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>需人工核对</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Corrective actions overdue</source>
        <translation>整改措施超期</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>No deadline running</source>
        <translation>无处理时限</translation>
    </message>
    <message>
        <source>{state}: due today</source>
        <translation>{state}：今天到期</translation>
    </message>
    <message>
        <source>{state}: {days}</source>
        <translation>{state}：{days}</translation>
    </message>
    <message>
        <source>¥{amount}</source>
        <translation>¥{amount}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <source>Locked by {name} ({number}, {role}). Enter the password to continue where you left off.</source>
        <translation>由 {name}（{number}，{role}）锁定。输入密码即可继续刚才的工作。</translation>
    </message>
    <message>
        <source>Log in with your staff number. The work of the person before you is kept for them.</source>
        <translation>请用您的工号登录。上一位用户的工作会为其保留。</translation>
    </message>
    <message>
        <source>Who locked the screen</source>
        <translation>锁定屏幕的人</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Back to the locked session</source>
        <translation>返回被锁定的会话</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Complaint Desk — log in</source>
        <translation>投诉受理台 — 登录</translation>
    </message>
    <message>
        <source>Complaint Desk</source>
        <translation>投诉受理台</translation>
    </message>
    <message>
        <source>Customer complaints at the branch counter. Log in with your staff number.</source>
        <translation>网点柜面客户投诉受理。请用工号登录。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Log in (Enter)</source>
        <translation>登录（回车）</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Demo branch: staff T001/T002 (teller), S001 (supervisor), M001 (manager), A001 (auditor); password {password}</source>
        <translation>演示网点：工号 T001/T002（柜员）、S001（主管）、M001（经理）、A001（审计员）；密码 {password}</translation>
    </message>
    <message>
        <source>Checking …</source>
        <translation>正在验证……</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>统计看板</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>工作清单</translation>
    </message>
    <message>
        <source>This PC is not enrolled with HQ, so it cannot sync.</source>
        <translation>本机未登记到总行，无法同步。</translation>
    </message>
    <message>
        <source>Complaint Desk</source>
        <translation>投诉受理台</translation>
    </message>
    <message>
        <source>Complaint Desk — branch {branch}</source>
        <translation>投诉受理台 — 网点 {branch}</translation>
    </message>
    <message>
        <source> (demo)</source>
        <translation>（演示）</translation>
    </message>
    <message>
        <source>&amp;Complaint</source>
        <translation>投诉(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;ession</source>
        <translation>会话(&amp;E)</translation>
    </message>
    <message>
        <source>C&amp;ase</source>
        <translation>案件(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;HQ</source>
        <translation>总行(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation>统计(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>统计看板(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Export statistics…</source>
        <translation>导出统计报表(&amp;E)…</translation>
    </message>
    <message>
        <source>Staff &amp;performance</source>
        <translation>员工绩效(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;orrective actions</source>
        <translation>整改措施(&amp;O)</translation>
    </message>
    <message>
        <source>Open work</source>
        <translation>打开的工作</translation>
    </message>
    <message>
        <source>Main actions</source>
        <translation>常用操作</translation>
    </message>
    <message>
        <source>Quit with unsent changes?</source>
        <translation>有未上传的变更，仍要退出？</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not reached HQ yet. They are kept on this PC and sent at the next sync; quit anyway?</source>
        <translation>
            <numerusform>还有 %n 条变更尚未送达总行。它们保存在本机，下次同步时发送；仍要退出吗？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProvisionalBanner</name>
    <message numerus="yes">
        <source>%n open case(s) have a provisional deadline: the holiday calendar does not cover the year it falls in yet, so it may move once HQ publishes that year.</source>
        <translation>
            <numerusform>%n 件未结案件的期限为暂定：节假日日历尚未覆盖其所在年份，总行发布该年度日历后可能变动。</numerusform>
        </translation>
    </message>
    <message>
        <source>Provisional deadlines</source>
        <translation>暂定期限</translation>
    </message>
</context>
<context>
    <name>ReviewStep</name>
    <message>
        <source>Review</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Risk signals: {signals}</source>
        <translation>风险提示：{signals}</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer is</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Business type</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>投诉原因</translation>
    </message>
    <message>
        <source>Business channel</source>
        <translation>业务办理渠道</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>投诉渠道</translation>
    </message>
    <message>
        <source>When it happened</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount involved</source>
        <translation>涉及金额</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>投诉事项</translation>
    </message>
    <message>
        <source>What the customer asks for</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <source>Contact by</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Staff or unit complained about</source>
        <translation>被投诉人员或部门</translation>
    </message>
    <message>
        <source>Unit complained about</source>
        <translation>被投诉部门</translation>
    </message>
    <message>
        <source>Working out the decision deadline …</source>
        <translation>正在计算处理时限……</translation>
    </message>
    <message>
        <source>Decision due by {due} ({policy}). The receipt tells the customer this date.</source>
        <translation>应于 {due} 前作出处理决定（{policy}）。回执会告知客户此日期。</translation>
    </message>
    <message numerus="yes">
        <source>Repeat complaint: this customer already has %n complaint(s) in this category ({references}).</source>
        <translation>
            <numerusform>重复投诉：该客户在此类别已有 %n 件投诉（{references}）。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Link it to {reference}: the same matter, counted once</source>
        <translation>关联到 {reference}(&amp;L)：同一事项，只计一次</translation>
    </message>
    <message>
        <source>Summary of the complaint as typed</source>
        <translation>投诉摘要（按录入内容）</translation>
    </message>
    <message>
        <source>Link to the earlier complaint</source>
        <translation>关联到前次投诉</translation>
    </message>
    <message>
        <source>Decision deadline</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source>Repeat complaint warning</source>
        <translation>重复投诉提示</translation>
    </message>
    <message>
        <source>Risk signals</source>
        <translation>风险提示</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>授权同意</translation>
    </message>
    <message>
        <source>Consent to processing personal information</source>
        <translation>同意处理个人信息</translation>
    </message>
    <message>
        <source>The customer &amp;agrees that the bank processes their personal information to handle this complaint</source>
        <translation>客户同意本行为处理本投诉而处理其个人信息(&amp;A)</translation>
    </message>
    <message>
        <source>Settled at the counter: &amp;resolve and close it now</source>
        <translation>已在柜面解决：现在作出处理并结案(&amp;R)</translation>
    </message>
    <message>
        <source>Resolve on the spot</source>
        <translation>当场办结</translation>
    </message>
</context>
<context>
    <name>SaveStep</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Check the review, then save. The complaint gets its reference number and the receipt can be printed.</source>
        <translation>核对无误后保存。保存后生成投诉编号，并可打印回执。</translation>
    </message>
    <message>
        <source>Settled at the counter: record the outcome and the customer&apos;s confirmation, then save. The complaint is recorded, resolved and closed in one go.</source>
        <translation>当场办结：填写处理结论和客户确认后保存。投诉将一次完成登记、处理和结案。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Complaint {reference} recorded. Decision due by {due}.</source>
        <translation>投诉 {reference} 已登记，应于 {due} 前作出处理决定。</translation>
    </message>
    <message>
        <source>Complaint {reference} recorded, resolved and closed.</source>
        <translation>投诉 {reference} 已登记、处理并结案。</translation>
    </message>
    <message>
        <source>Today&apos;s business day is already closed: this complaint counts on the next business day, {date}.</source>
        <translation>今日营业日已结账：本投诉计入下一营业日 {date}。</translation>
    </message>
    <message>
        <source>What happens when you save</source>
        <translation>保存后的处理</translation>
    </message>
    <message>
        <source>Saved complaint</source>
        <translation>已保存的投诉</translation>
    </message>
    <message>
        <source>Resolution at the counter</source>
        <translation>柜面处理结果</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>处理结论(&amp;O)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结论</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>调查情况(&amp;F)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>调查情况</translation>
    </message>
    <message>
        <source>Findings for the c&amp;ustomer&apos;s letter</source>
        <translation>告知客户的核实情况(&amp;U)</translation>
    </message>
    <message>
        <source>Findings as the letter tells them to the customer</source>
        <translation>答复函中告知客户的核实情况</translation>
    </message>
    <message>
        <source>How it &amp;was verified</source>
        <translation>核实方式(&amp;W)</translation>
    </message>
    <message>
        <source>How the complaint was verified</source>
        <translation>投诉的核实方式</translation>
    </message>
    <message>
        <source>Bas&amp;is and reasons</source>
        <translation>依据和理由(&amp;I)</translation>
    </message>
    <message>
        <source>Basis and reasons</source>
        <translation>依据和理由</translation>
    </message>
    <message>
        <source>&amp;Remedy</source>
        <translation>补救措施(&amp;R)</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation>补救措施</translation>
    </message>
    <message>
        <source>Com&amp;pensation</source>
        <translation>补偿金额(&amp;P)</translation>
    </message>
    <message>
        <source>Compensation in yuan</source>
        <translation>补偿金额（元）</translation>
    </message>
    <message>
        <source>Satisfaction (1–5)</source>
        <translation>满意度（1–5）</translation>
    </message>
    <message>
        <source>Customer satisfaction, 1 to 5; 0 if not asked</source>
        <translation>客户满意度，1 至 5；未询问为 0</translation>
    </message>
    <message>
        <source>Customer&apos;s confirmation</source>
        <translation>客户确认</translation>
    </message>
    <message>
        <source>Customer confirms it is settled</source>
        <translation>客户确认已解决</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>The customer confir&amp;ms the complaint is settled</source>
        <translation>客户确认投诉已解决(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Save the complaint</source>
        <translation>保存投诉(&amp;S)</translation>
    </message>
    <message>
        <source>Save the complaint</source>
        <translation>保存投诉</translation>
    </message>
    <message>
        <source>&amp;Print receipt …</source>
        <translation>打印回执(&amp;P)……</translation>
    </message>
    <message>
        <source>Print the receipt (preview, print or save as PDF)</source>
        <translation>打印回执（预览、打印或另存为 PDF）</translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation>打开案件(&amp;O)</translation>
    </message>
    <message>
        <source>Open the saved case</source>
        <translation>打开已保存的案件</translation>
    </message>
    <message>
        <source>Open the saved case (Alt+O)</source>
        <translation>打开已保存的案件（Alt+O）</translation>
    </message>
    <message>
        <source>&amp;Next customer</source>
        <translation>下一位客户(&amp;N)</translation>
    </message>
    <message>
        <source>Start the next complaint</source>
        <translation>开始下一件投诉</translation>
    </message>
    <message>
        <source>Start the next complaint (Alt+N)</source>
        <translation>开始下一件投诉（Alt+N）</translation>
    </message>
</context>
<context>
    <name>StaffPerformanceModel</name>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>经办</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按期办结</translation>
    </message>
    <message>
        <source>Median days</source>
        <translation>办结天数中位数</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>属实</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新处理</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Training needs</source>
        <translation>培训需求</translation>
    </message>
</context>
<context>
    <name>StaffPerformancePanel</name>
    <message>
        <source>Staff performance</source>
        <translation>员工绩效</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>起始日期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>截止日期(&amp;T)：</translation>
    </message>
    <message>
        <source>Staff &amp;number:</source>
        <translation>员工编号(&amp;N)：</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>全部员工</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Of the complaints received in the period (a repeat about the same matter once), per handler. Median days: from receipt to decision. Reopened: of those decided at least once, the share reopened since.</source>
        <translation>按经办人统计期间内受理的投诉（同一事项的重复投诉只计一次）。办结天数中位数：从受理到作出处理决定。重新处理：已作出过处理决定的投诉中，之后被重新打开的比例。</translation>
    </message>
    <message>
        <source>You see your own figures only: everyone&apos;s need the statistics permission.</source>
        <translation>您只能看到自己的数据：查看全部员工需要统计权限。</translation>
    </message>
    <message>
        <source>Figures per staff member</source>
        <translation>各员工数据</translation>
    </message>
</context>
<context>
    <name>StatisticsExportDialog</name>
    <message>
        <source>Export the statistics</source>
        <translation>导出统计报表</translation>
    </message>
    <message>
        <source>Exporting …</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>The statistics were written to %1</source>
        <translation>统计已写入 %1</translation>
    </message>
    <message>
        <source>Statistics exported</source>
        <translation>统计已导出</translation>
    </message>
    <message>
        <source>The file could not be written (%1). Nothing was saved.</source>
        <translation>文件无法写入（%1），未保存任何内容。</translation>
    </message>
    <message>
        <source>Statistics not exported</source>
        <translation>统计未导出</translation>
    </message>
    <message>
        <source>Export the statistics (JR/T 0169)</source>
        <translation>导出统计报表（JR/T 0169）</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>起始日期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>截止日期(&amp;T)：</translation>
    </message>
    <message>
        <source>Broken down by:</source>
        <translation>分类方式：</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>渠道(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Business type</source>
        <translation>业务类别(&amp;B)</translation>
    </message>
    <message>
        <source>C&amp;ause</source>
        <translation>投诉原因(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>Received in the period, repeats about the same matter once, as the regulator counts.</source>
        <translation>统计期间内受理的投诉，同一事项的重复投诉按监管口径只计一次。</translation>
    </message>
</context>
<context>
    <name>SyncProgress</name>
    <message>
        <source>Stopping the sync …</source>
        <translation>正在停止同步 …</translation>
    </message>
    <message>
        <source>Connecting to HQ …</source>
        <translation>正在连接总行 …</translation>
    </message>
    <message>
        <source>Sending to HQ: {done} of {total}</source>
        <translation>正在上传至总行：{done} / {total}</translation>
    </message>
    <message>
        <source>Sending to HQ: {done}</source>
        <translation>正在上传至总行：{done}</translation>
    </message>
    <message>
        <source>Sending to HQ …</source>
        <translation>正在上传至总行 …</translation>
    </message>
    <message>
        <source>Receiving from HQ: {done}</source>
        <translation>正在从总行接收：{done}</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Reference {reference}, received by: {channel}</source>
        <translation>投诉编号 {reference}，投诉渠道：{channel}</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>Now handled by {who}</source>
        <translation>改由 {who} 经办</translation>
    </message>
    <message>
        <source>Level {level}: {reason}</source>
        <translation>第 {level} 级：{reason}</translation>
    </message>
    <message>
        <source>New deadline {due} (extension {level}, approved by {approver}): {reason}</source>
        <translation>新时限 {due}（第 {level} 次延期，审批人 {approver}）：{reason}</translation>
    </message>
    <message>
        <source>Counted again on the working-day calendar HQ published: {previous} → {due}</source>
        <translation>按总行发布的工作日历重新计算：{previous} → {due}</translation>
    </message>
    <message>
        <source>Remedy: {remedy}</source>
        <translation>补救措施：{remedy}</translation>
    </message>
    <message>
        <source>Compensation: {amount}</source>
        <translation>补偿：{amount}</translation>
    </message>
    <message>
        <source>Score {score} of 5</source>
        <translation>评分 {score}/5</translation>
    </message>
    <message>
        <source>Related to {reference}</source>
        <translation>关联 {reference}</translation>
    </message>
    <message>
        <source>Worklist exported with identity to a {format} file: complaints {rows}, customers {customers}</source>
        <translation>工作清单导出为含身份信息的 {format} 文件：投诉 {rows} 件，客户 {customers} 位</translation>
    </message>
    <message>
        <source>{document}, copy {copy}</source>
        <translation>{document}，第 {copy} 份</translation>
    </message>
</context>
<context>
    <name>WorklistExport</name>
    <message>
        <source>Export the worklist</source>
        <translation>导出工作清单</translation>
    </message>
    <message>
        <source>Exporting …</source>
        <translation>正在导出 …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) …</source>
        <translation>
            <numerusform>已导出 %n 行 …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Reference</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Click to sort</source>
        <translation>点击排序</translation>
    </message>
    <message>
        <source> (level {level})</source>
        <translation>（第 {level} 级）</translation>
    </message>
</context>
<context>
    <name>WorklistPanel</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting …</source>
        <translation>正在计数……</translation>
    </message>
    <message>
        <source>Worklists</source>
        <translation>工作清单</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Reference, customer name, last 4 digits of phone or ID, or any words</source>
        <translation>投诉编号、客户姓名、电话或证件号后四位，或任意文字</translation>
    </message>
    <message>
        <source>Search complaints</source>
        <translation>搜索投诉</translation>
    </message>
    <message>
        <source>Search complaints (Ctrl+F)</source>
        <translation>搜索投诉（Ctrl+F）</translation>
    </message>
    <message>
        <source>Complaints in this worklist</source>
        <translation>此清单中的投诉</translation>
    </message>
    <message>
        <source>Number of cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>&amp;Risk</source>
        <translation>风险(&amp;R)</translation>
    </message>
    <message>
        <source>All complaints</source>
        <translation>全部投诉</translation>
    </message>
    <message>
        <source>With risk signals</source>
        <translation>有风险信号</translation>
    </message>
    <message>
        <source>Show complaints with risk signals</source>
        <translation>显示有风险信号的投诉</translation>
    </message>
    <message>
        <source>Only the complaints with risk signals, or with one kind of signal</source>
        <translation>只显示有风险信号的投诉，或有某一种风险信号的投诉</translation>
    </message>
    <message>
        <source>E&amp;xport …</source>
        <translation>导出(&amp;X) …</translation>
    </message>
    <message>
        <source>Export this list to XLSX or CSV (names masked unless you may export identity)</source>
        <translation>将此清单导出为 XLSX 或 CSV（无导出身份信息权限时姓名脱敏）</translation>
    </message>
</context>
<context>
    <name>_Counts</name>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>已超期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
</context>
</TS>
