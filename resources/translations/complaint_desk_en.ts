<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>Actions</name>
        <message>
            <source>New complaint</source>
            <translation>New complaint</translation>
        </message>
        <message>
            <source>Resolve on the spot</source>
            <translation>Resolve on the spot</translation>
        </message>
        <message>
            <source>Search complaints</source>
            <translation>Search complaints</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Show the worklist</source>
            <translation>Show the worklist</translation>
        </message>
        <message>
            <source>Close this tab</source>
            <translation>Close this tab</translation>
        </message>
        <message>
            <source>Lock the screen</source>
            <translation>Lock the screen</translation>
        </message>
        <message>
            <source>Switch user</source>
            <translation>Switch user</translation>
        </message>
        <message>
            <source>Switch language (中文 / English)</source>
            <translation>Switch language (中文 / English)</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Sync with HQ now</source>
            <translation>Sync with HQ now</translation>
        </message>
        <message>
            <source>Cancel the sync</source>
            <translation>Cancel the sync</translation>
        </message>
        <message>
            <source>Close the day …</source>
            <translation>Close the day …</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>Next step</translation>
        </message>
        <message>
            <source>Previous step</source>
            <translation>Previous step</translation>
        </message>
        <message>
            <source>Find customer</source>
            <translation>Find customer</translation>
        </message>
        <message>
            <source>Save the complaint</source>
            <translation>Save the complaint</translation>
        </message>
        <message>
            <source>Discard this intake</source>
            <translation>Discard this intake</translation>
        </message>
        <message>
            <source>Acknowledge</source>
            <translation>Acknowledge</translation>
        </message>
        <message>
            <source>Add a note</source>
            <translation>Add a note</translation>
        </message>
        <message>
            <source>Log a contact attempt</source>
            <translation>Log a contact attempt</translation>
        </message>
        <message>
            <source>Assign</source>
            <translation>Assign</translation>
        </message>
        <message>
            <source>Escalate to the expert panel</source>
            <translation>Escalate to the expert panel</translation>
        </message>
        <message>
            <source>Extend the deadline</source>
            <translation>Extend the deadline</translation>
        </message>
        <message>
            <source>Resolve</source>
            <translation>Resolve</translation>
        </message>
        <message>
            <source>Record satisfaction</source>
            <translation>Record satisfaction</translation>
        </message>
        <message>
            <source>Close the case</source>
            <translation>Close the case</translation>
        </message>
        <message>
            <source>Reopen</source>
            <translation>Reopen</translation>
        </message>
        <message>
            <source>Withdraw</source>
            <translation>Withdraw</translation>
        </message>
        <message>
            <source>Link a related complaint</source>
            <translation>Link a related complaint</translation>
        </message>
        <message>
            <source>Print the receipt</source>
            <translation>Print the receipt</translation>
        </message>
        <message>
            <source>Add a scanned file</source>
            <translation>Add a scanned file</translation>
        </message>
    </context>
    <context>
        <name>AttachmentModel</name>
        <message>
            <source>{name} ({kind}, {size}), added by {who}</source>
            <translation>{name} ({kind}, {size}), added by {who}</translation>
        </message>
    </context>
    <context>
        <name>CaseActionDialog</name>
        <message>
            <source>A supervisor must enter their staff number and password.</source>
            <translation>A supervisor must enter their staff number and password.</translation>
        </message>
        <message>
            <source>&amp;Text</source>
            <translation>&amp;Text</translation>
        </message>
        <message>
            <source>C&amp;hannel</source>
            <translation>C&amp;hannel</translation>
        </message>
        <message>
            <source>&amp;Reached</source>
            <translation>&amp;Reached</translation>
        </message>
        <message>
            <source>&amp;Handled by</source>
            <translation>&amp;Handled by</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>&amp;Reason</translation>
        </message>
        <message>
            <source>&amp;Outcome</source>
            <translation>&amp;Outcome</translation>
        </message>
        <message>
            <source>&amp;Findings</source>
            <translation>&amp;Findings</translation>
        </message>
        <message>
            <source>How it was &amp;verified</source>
            <translation>How it was &amp;verified</translation>
        </message>
        <message>
            <source>Re&amp;medy</source>
            <translation>Re&amp;medy</translation>
        </message>
        <message>
            <source>&amp;Basis and reasons</source>
            <translation>&amp;Basis and reasons</translation>
        </message>
        <message>
            <source>Rule or contract c&amp;lause relied on</source>
            <translation>Rule or contract c&amp;lause relied on</translation>
        </message>
        <message>
            <source>&amp;Compensation (yuan)</source>
            <translation>&amp;Compensation (yuan)</translation>
        </message>
        <message>
            <source>&amp;Score (1–5)</source>
            <translation>&amp;Score (1–5)</translation>
        </message>
        <message>
            <source>C&amp;omment</source>
            <translation>C&amp;omment</translation>
        </message>
        <message>
            <source>Related &amp;reference</source>
            <translation>Related &amp;reference</translation>
        </message>
        <message>
            <source>The customer was reached</source>
            <translation>The customer was reached</translation>
        </message>
        <message>
            <source>Supervisor's approval</source>
            <translation>Supervisor's approval</translation>
        </message>
        <message>
            <source>This needs the approval of: {roles}. They enter their own staff number and password here.</source>
            <translation>This needs the approval of: {roles}. They enter their own staff number and password here.</translation>
        </message>
        <message>
            <source>Why the action was refused</source>
            <translation>Why the action was refused</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>CaseActions</name>
        <message>
            <source>Acknowledge the complaint?</source>
            <translation>Acknowledge the complaint?</translation>
        </message>
        <message>
            <source>Record that the complaint was acknowledged to the customer.</source>
            <translation>Record that the complaint was acknowledged to the customer.</translation>
        </message>
        <message>
            <source>Close the case?</source>
            <translation>Close the case?</translation>
        </message>
        <message>
            <source>Close the resolved case. A supervisor can reopen it later.</source>
            <translation>Close the resolved case. A supervisor can reopen it later.</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <source>Case …</source>
            <translation>Case …</translation>
        </message>
        <message>
            <source>Case {reference}</source>
            <translation>Case {reference}</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Decision due</source>
            <translation>Decision due</translation>
        </message>
        <message>
            <source>Time left</source>
            <translation>Time left</translation>
        </message>
        <message>
            <source>Handled by</source>
            <translation>Handled by</translation>
        </message>
        <message>
            <source>Escalation</source>
            <translation>Escalation</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>Related complaints</source>
            <translation>Related complaints</translation>
        </message>
        <message>
            <source>{action} (supervisor approves)</source>
            <translation>{action} (supervisor approves)</translation>
        </message>
        <message>
            <source>Receipt …</source>
            <translation>Receipt …</translation>
        </message>
        <message>
            <source>Decision letter …</source>
            <translation>Decision letter …</translation>
        </message>
        <message>
            <source>Print the decision letter</source>
            <translation>Print the decision letter</translation>
        </message>
        <message>
            <source>Extension notice …</source>
            <translation>Extension notice …</translation>
        </message>
        <message>
            <source>Print the extension notice</source>
            <translation>Print the extension notice</translation>
        </message>
        <message>
            <source>Atta&amp;chments</source>
            <translation>Atta&amp;chments</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>Attachments</translation>
        </message>
        <message>
            <source>Add a scanned file …</source>
            <translation>Add a scanned file …</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Open the chosen attachment</source>
            <translation>Open the chosen attachment</translation>
        </message>
        <message>
            <source>Print the receipt</source>
            <translation>Print the receipt</translation>
        </message>
        <message>
            <source>Add a scanned file</source>
            <translation>Add a scanned file</translation>
        </message>
        <message>
            <source>&amp;Timeline</source>
            <translation>&amp;Timeline</translation>
        </message>
        <message>
            <source>Timeline of the complaint</source>
            <translation>Timeline of the complaint</translation>
        </message>
        <message>
            <source>What happened and what the customer asks for</source>
            <translation>What happened and what the customer asks for</translation>
        </message>
        <message>
            <source>Reference number</source>
            <translation>Reference number</translation>
        </message>
        <message>
            <source>Loading …</source>
            <translation>Loading …</translation>
        </message>
        <message>
            <source>needs review</source>
            <translation>needs review</translation>
        </message>
        <message>
            <source>(extended {count}×)</source>
            <translation>(extended {count}×)</translation>
        </message>
        <message>
            <source>Level {level}</source>
            <translation>Level {level}</translation>
        </message>
        <message>
            <source>None</source>
            <translation>None</translation>
        </message>
        <message>
            <source>What happened: {description}
The customer asks for: {request}</source>
            <translation>What happened: {description}
The customer asks for: {request}</translation>
        </message>
    </context>
    <context>
        <name>CategoryStep</name>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>(not given)</source>
            <translation>(not given)</translation>
        </message>
        <message>
            <source>No special handling steps for this category.</source>
            <translation>No special handling steps for this category.</translation>
        </message>
        <message>
            <source>&amp;Search categories</source>
            <translation>&amp;Search categories</translation>
        </message>
        <message>
            <source>A word, e.g. 贷款, card, fee, or a code like B0201</source>
            <translation>A word, e.g. 贷款, card, fee, or a code like B0201</translation>
        </message>
        <message>
            <source>Search categories</source>
            <translation>Search categories</translation>
        </message>
        <message>
            <source>&amp;Business type *</source>
            <translation>&amp;Business type *</translation>
        </message>
        <message>
            <source>C&amp;ause *</source>
            <translation>C&amp;ause *</translation>
        </message>
        <message>
            <source>Business type</source>
            <translation>Business type</translation>
        </message>
        <message>
            <source>Cause</source>
            <translation>Cause</translation>
        </message>
        <message>
            <source>Business type: message</source>
            <translation>Business type: message</translation>
        </message>
        <message>
            <source>Cause: message</source>
            <translation>Cause: message</translation>
        </message>
        <message>
            <source>Business c&amp;hannel (optional)</source>
            <translation>Business c&amp;hannel (optional)</translation>
        </message>
        <message>
            <source>Channel of the business complained about</source>
            <translation>Channel of the business complained about</translation>
        </message>
        <message>
            <source>Business channel: message</source>
            <translation>Business channel: message</translation>
        </message>
        <message>
            <source>What this category needs</source>
            <translation>What this category needs</translation>
        </message>
        <message>
            <source>Handling checklist</source>
            <translation>Handling checklist</translation>
        </message>
    </context>
    <context>
        <name>CounterStatusBar</name>
        <message>
            <source>Not enrolled with HQ</source>
            <translation>Not enrolled with HQ</translation>
        </message>
        <message>
            <source>Sync is off on this PC.</source>
            <translation>Sync is off on this PC.</translation>
        </message>
        <message>
            <source>HQ: not known yet</source>
            <translation>HQ: not known yet</translation>
        </message>
        <message>
            <source>This PC has not contacted HQ yet.</source>
            <translation>This PC has not contacted HQ yet.</translation>
        </message>
        <message>
            <source>● Online</source>
            <translation>● Online</translation>
        </message>
        <message>
            <source>HQ answered at {time}.</source>
            <translation>HQ answered at {time}.</translation>
        </message>
        <message>
            <source>○ Offline</source>
            <translation>○ Offline</translation>
        </message>
        <message>
            <source>HQ could not be reached at {time}. Work goes on; unsent changes are kept and sent when HQ is back.</source>
            <translation>HQ could not be reached at {time}. Work goes on; unsent changes are kept and sent when HQ is back.</translation>
        </message>
        <message>
            <source>sync refused</source>
            <translation>sync refused</translation>
        </message>
        <message>
            <source>sync failed</source>
            <translation>sync failed</translation>
        </message>
        <message>
            <source>sync cancelled</source>
            <translation>sync cancelled</translation>
        </message>
        <message>
            <source>day-end differs</source>
            <translation>day-end differs</translation>
        </message>
        <message>
            <source>⚠ This PC's clock is wrong</source>
            <translation>⚠ This PC's clock is wrong</translation>
        </message>
        <message>
            <source>It is about {minutes} minutes off HQ's clock. </source>
            <translation>It is about {minutes} minutes off HQ's clock. </translation>
        </message>
        <message>
            <source>Set the right date and time (ask IT); until then HQ may refuse this PC's changes, which are kept and sent once it is right.</source>
            <translation>Set the right date and time (ask IT); until then HQ may refuse this PC's changes, which are kept and sent once it is right.</translation>
        </message>
        <message>
            <source>⚠ {count} events from HQ set aside</source>
            <translation>⚠ {count} events from HQ set aside</translation>
        </message>
        <message>
            <source>{count} events received from HQ could not be applied on this PC and are kept in quarantine; sync goes on. List them with complaint-desk admin quarantine and tell HQ.</source>
            <translation>{count} events received from HQ could not be applied on this PC and are kept in quarantine; sync goes on. List them with complaint-desk admin quarantine and tell HQ.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Cancel the sync</source>
            <translation>Cancel the sync</translation>
        </message>
        <message>
            <source>Unsent changes: {count}</source>
            <translation>Unsent changes: {count}</translation>
        </message>
        <message>
            <source>Last sync: {when}</source>
            <translation>Last sync: {when}</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
        <message>
            <source>Nobody logged in</source>
            <translation>Nobody logged in</translation>
        </message>
        <message>
            <source>Logged in: {name} ({number}, {role}) · branch {branch}</source>
            <translation>Logged in: {name} ({number}, {role}) · branch {branch}</translation>
        </message>
        <message>
            <source>Connection to HQ</source>
            <translation>Connection to HQ</translation>
        </message>
        <message>
            <source>Unsent changes</source>
            <translation>Unsent changes</translation>
        </message>
        <message>
            <source>Last sync</source>
            <translation>Last sync</translation>
        </message>
        <message>
            <source>Logged-in user</source>
            <translation>Logged-in user</translation>
        </message>
        <message>
            <source>Sync progress</source>
            <translation>Sync progress</translation>
        </message>
    </context>
    <context>
        <name>CredentialsForm</name>
        <message>
            <source>&amp;Staff number</source>
            <translation>&amp;Staff number</translation>
        </message>
        <message>
            <source>&amp;Password</source>
            <translation>&amp;Password</translation>
        </message>
        <message>
            <source>Staff number</source>
            <translation>Staff number</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>e.g. T001</source>
            <translation>e.g. T001</translation>
        </message>
        <message>
            <source>Enter your staff number.</source>
            <translation>Enter your staff number.</translation>
        </message>
        <message>
            <source>Enter your password.</source>
            <translation>Enter your password.</translation>
        </message>
    </context>
    <context>
        <name>CustomerMatchModel</name>
        <message>
            <source>{open} open / {total} complaints</source>
            <translation>{open} open / {total} complaints</translation>
        </message>
    </context>
    <context>
        <name>CustomerStep</name>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) found</source>
            <translation>
                <numerusform>%n customer found</numerusform>
                <numerusform>%n customers found</numerusform>
            </translation>
        </message>
        <message>
            <source>No customer found; enter the customer's details below.</source>
            <translation>No customer found; enter the customer's details below.</translation>
        </message>
        <message>
            <source>New customer: enter their details.</source>
            <translation>New customer: enter their details.</translation>
        </message>
        <message>
            <source>Known customer: {name} {ident}. Leave a field empty to keep what is on file; type to update it.</source>
            <translation>Known customer: {name} {ident}. Leave a field empty to keep what is on file; type to update it.</translation>
        </message>
        <message>
            <source>on file: {value}</source>
            <translation>on file: {value}</translation>
        </message>
        <message numerus="yes">
            <source>Repeat complaint? This customer has %n open complaint(s). Check them before recording a new one.</source>
            <translation>
                <numerusform>Repeat complaint? This customer has %n open complaint. Check them before recording a new one.</numerusform>
                <numerusform>Repeat complaint? This customer has %n open complaints. Check them before recording a new one.</numerusform>
            </translation>
        </message>
        <message>
            <source>F&amp;ind</source>
            <translation>F&amp;ind</translation>
        </message>
        <message>
            <source>ID number, phone or name</source>
            <translation>ID number, phone or name</translation>
        </message>
        <message>
            <source>Find a customer by ID number, phone or name</source>
            <translation>Find a customer by ID number, phone or name</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>Find</translation>
        </message>
        <message>
            <source>Find customer</source>
            <translation>Find customer</translation>
        </message>
        <message>
            <source>New customer</source>
            <translation>New customer</translation>
        </message>
        <message>
            <source>New customer (Enter in an empty search box)</source>
            <translation>New customer (Enter in an empty search box)</translation>
        </message>
        <message>
            <source>Customers found</source>
            <translation>Customers found</translation>
        </message>
        <message>
            <source>This customer's complaints</source>
            <translation>This customer's complaints</translation>
        </message>
        <message>
            <source>Earlier and open complaints of this customer</source>
            <translation>Earlier and open complaints of this customer</translation>
        </message>
        <message>
            <source>Customer on file</source>
            <translation>Customer on file</translation>
        </message>
        <message>
            <source>Repeat complaint warning</source>
            <translation>Repeat complaint warning</translation>
        </message>
        <message>
            <source>Customer is</source>
            <translation>Customer is</translation>
        </message>
        <message>
            <source>Individual customer</source>
            <translation>Individual customer</translation>
        </message>
        <message>
            <source>Company customer</source>
            <translation>Company customer</translation>
        </message>
        <message>
            <source>Company &amp;name</source>
            <translation>Company &amp;name</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <source>Company name</source>
            <translation>Company name</translation>
        </message>
        <message>
            <source>Customer name</source>
            <translation>Customer name</translation>
        </message>
        <message>
            <source>ID &amp;document</source>
            <translation>ID &amp;document</translation>
        </message>
        <message>
            <source>ID document type</source>
            <translation>ID document type</translation>
        </message>
        <message>
            <source>ID n&amp;umber</source>
            <translation>ID n&amp;umber</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>&amp;Phone</source>
            <translation>&amp;Phone</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Credit &amp;code</source>
            <translation>Credit &amp;code</translation>
        </message>
        <message>
            <source>Unified social credit code</source>
            <translation>Unified social credit code</translation>
        </message>
        <message>
            <source>Contact &amp;person</source>
            <translation>Contact &amp;person</translation>
        </message>
        <message>
            <source>Contact person</source>
            <translation>Contact person</translation>
        </message>
        <message>
            <source>&amp;Address</source>
            <translation>&amp;Address</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Someone is complaining on the customer's &amp;behalf (agent)</source>
            <translation>Someone is complaining on the customer's &amp;behalf (agent)</translation>
        </message>
        <message>
            <source>Agent acting for the customer</source>
            <translation>Agent acting for the customer</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Agent's name</source>
            <translation>Agent's name</translation>
        </message>
        <message>
            <source>Agent's ID document</source>
            <translation>Agent's ID document</translation>
        </message>
        <message>
            <source>Agent's ID document type</source>
            <translation>Agent's ID document type</translation>
        </message>
        <message>
            <source>Agent's ID number</source>
            <translation>Agent's ID number</translation>
        </message>
        <message>
            <source>Agent's phone</source>
            <translation>Agent's phone</translation>
        </message>
        <message>
            <source>Relationship</source>
            <translation>Relationship</translation>
        </message>
        <message>
            <source>Agent's relationship to the customer</source>
            <translation>Agent's relationship to the customer</translation>
        </message>
        <message>
            <source>Power of attorney</source>
            <translation>Power of attorney</translation>
        </message>
        <message>
            <source>Power of attorney seen</source>
            <translation>Power of attorney seen</translation>
        </message>
        <message>
            <source>Seen and copied</source>
            <translation>Seen and copied</translation>
        </message>
    </context>
    <context>
        <name>DayEndDialog</name>
        <message>
            <source>Waiting for the sync that is running to finish …</source>
            <translation>Waiting for the sync that is running to finish …</translation>
        </message>
        <message>
            <source>HQ and this branch agree: the day {date} is closed.</source>
            <translation>HQ and this branch agree: the day {date} is closed.</translation>
        </message>
        <message>
            <source>Events of the day: {count}. Sent again: {resent}.</source>
            <translation>Events of the day: {count}. Sent again: {resent}.</translation>
        </message>
        <message>
            <source>The day-end close was cancelled; the day is not closed. What was already sent stays sent.</source>
            <translation>The day-end close was cancelled; the day is not closed. What was already sent stays sent.</translation>
        </message>
        <message>
            <source>The day could not be closed.</source>
            <translation>The day could not be closed.</translation>
        </message>
        <message>
            <source>Close the day {date}</source>
            <translation>Close the day {date}</translation>
        </message>
        <message>
            <source>Everything recorded on this PC is sent to HQ, the day's records are compared with HQ's, whatever HQ is missing is sent again, and the close is recorded. Then the day-end report opens for printing.</source>
            <translation>Everything recorded on this PC is sent to HQ, the day's records are compared with HQ's, whatever HQ is missing is sent again, and the close is recorded. Then the day-end report opens for printing.</translation>
        </message>
        <message>
            <source>Day-end &amp;report …</source>
            <translation>Day-end &amp;report …</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Day-end progress</source>
            <translation>Day-end progress</translation>
        </message>
        <message>
            <source>Day-end step</source>
            <translation>Day-end step</translation>
        </message>
        <message>
            <source>Day-end result</source>
            <translation>Day-end result</translation>
        </message>
    </context>
    <context>
        <name>DetailsStep</name>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>&amp;Received by</source>
            <translation>&amp;Received by</translation>
        </message>
        <message>
            <source>How the complaint reached the bank</source>
            <translation>How the complaint reached the bank</translation>
        </message>
        <message>
            <source>&amp;When it happened</source>
            <translation>&amp;When it happened</translation>
        </message>
        <message>
            <source>Date it happened</source>
            <translation>Date it happened</translation>
        </message>
        <message>
            <source>&amp;What happened</source>
            <translation>&amp;What happened</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>What happened</translation>
        </message>
        <message>
            <source>P&amp;roduct</source>
            <translation>P&amp;roduct</translation>
        </message>
        <message>
            <source>Product or service</source>
            <translation>Product or service</translation>
        </message>
        <message>
            <source>A&amp;mount involved</source>
            <translation>A&amp;mount involved</translation>
        </message>
        <message>
            <source>Amount involved in yuan</source>
            <translation>Amount involved in yuan</translation>
        </message>
        <message>
            <source>What the customer as&amp;ks for</source>
            <translation>What the customer as&amp;ks for</translation>
        </message>
        <message>
            <source>What the customer asks for</source>
            <translation>What the customer asks for</translation>
        </message>
        <message>
            <source>&amp;Contact by</source>
            <translation>&amp;Contact by</translation>
        </message>
        <message>
            <source>Preferred contact channel</source>
            <translation>Preferred contact channel</translation>
        </message>
        <message>
            <source>Contact &amp;time</source>
            <translation>Contact &amp;time</translation>
        </message>
        <message>
            <source>Preferred contact time</source>
            <translation>Preferred contact time</translation>
        </message>
        <message>
            <source>Staff or &amp;unit complained about</source>
            <translation>Staff or &amp;unit complained about</translation>
        </message>
        <message>
            <source>Staff or unit complained about</source>
            <translation>Staff or unit complained about</translation>
        </message>
        <message>
            <source>e.g. weekdays after 18:00</source>
            <translation>e.g. weekdays after 18:00</translation>
        </message>
        <message>
            <source>e.g. credit card, mobile banking</source>
            <translation>e.g. credit card, mobile banking</translation>
        </message>
    </context>
    <context>
        <name>FieldRow</name>
        <message>
            <source>{field}: message</source>
            <translation>{field}: message</translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
    </context>
    <context>
        <name>ImageViewer</name>
        <message>
            <source>This image cannot be shown on this PC.</source>
            <translation>This image cannot be shown on this PC.</translation>
        </message>
    </context>
    <context>
        <name>IntakePanel</name>
        <message>
            <source>Saved: {reference}</source>
            <translation>Saved: {reference}</translation>
        </message>
        <message>
            <source>New complaint (settled at the counter)</source>
            <translation>New complaint (settled at the counter)</translation>
        </message>
        <message>
            <source>New complaint</source>
            <translation>New complaint</translation>
        </message>
        <message>
            <source>Discard this complaint?</source>
            <translation>Discard this complaint?</translation>
        </message>
        <message>
            <source>What was typed for this complaint will be deleted.</source>
            <translation>What was typed for this complaint will be deleted.</translation>
        </message>
        <message>
            <source>← &amp;Back</source>
            <translation>← &amp;Back</translation>
        </message>
        <message>
            <source>Previous step</source>
            <translation>Previous step</translation>
        </message>
        <message>
            <source>&amp;Next →</source>
            <translation>&amp;Next →</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>Next step</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Discard</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Intake heading</source>
            <translation>Intake heading</translation>
        </message>
        <message>
            <source>Intake steps</source>
            <translation>Intake steps</translation>
        </message>
        <message>
            <source>Notice</source>
            <translation>Notice</translation>
        </message>
        <message>
            <source>Your unfinished complaint from {when} was restored. Discard it with Ctrl+Shift+Delete.</source>
            <translation>Your unfinished complaint from {when} was restored. Discard it with Ctrl+Shift+Delete.</translation>
        </message>
    </context>
    <context>
        <name>IntakeRules</name>
        <message>
            <source>Tick this once the customer has confirmed the complaint is settled.</source>
            <translation>Tick this once the customer has confirmed the complaint is settled.</translation>
        </message>
    </context>
    <context>
        <name>Interaction</name>
        <message>
            <source>Could not complete the action</source>
            <translation>Could not complete the action</translation>
        </message>
        <message>
            <source>Something went wrong ({kind}). Nothing was changed; please try again.</source>
            <translation>Something went wrong ({kind}). Nothing was changed; please try again.</translation>
        </message>
        <message>
            <source>Details are in the log: {path}</source>
            <translation>Details are in the log: {path}</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Acknowledged</source>
            <translation>Acknowledged</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>Escalated</source>
            <translation>Escalated</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Resolved</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Reopened</source>
            <translation>Reopened</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>Withdrawn</translation>
        </message>
        <message>
            <source>Upheld</source>
            <translation>Upheld</translation>
        </message>
        <message>
            <source>Partly upheld</source>
            <translation>Partly upheld</translation>
        </message>
        <message>
            <source>Not upheld</source>
            <translation>Not upheld</translation>
        </message>
        <message>
            <source>At the counter</source>
            <translation>At the counter</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>Website</translation>
        </message>
        <message>
            <source>Mobile app</source>
            <translation>Mobile app</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>Regulator referral</source>
            <translation>Regulator referral</translation>
        </message>
        <message>
            <source>Phone call</source>
            <translation>Phone call</translation>
        </message>
        <message>
            <source>Text message</source>
            <translation>Text message</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>In person at the branch</source>
            <translation>In person at the branch</translation>
        </message>
        <message>
            <source>Teller</source>
            <translation>Teller</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>Supervisor</translation>
        </message>
        <message>
            <source>Manager</source>
            <translation>Manager</translation>
        </message>
        <message>
            <source>Auditor</source>
            <translation>Auditor</translation>
        </message>
        <message>
            <source>HQ officer</source>
            <translation>HQ officer</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>view cases</source>
            <translation>view cases</translation>
        </message>
        <message>
            <source>record complaints</source>
            <translation>record complaints</translation>
        </message>
        <message>
            <source>acknowledge complaints</source>
            <translation>acknowledge complaints</translation>
        </message>
        <message>
            <source>add notes</source>
            <translation>add notes</translation>
        </message>
        <message>
            <source>log contact attempts</source>
            <translation>log contact attempts</translation>
        </message>
        <message>
            <source>assign cases</source>
            <translation>assign cases</translation>
        </message>
        <message>
            <source>escalate to the expert panel</source>
            <translation>escalate to the expert panel</translation>
        </message>
        <message>
            <source>extend deadlines</source>
            <translation>extend deadlines</translation>
        </message>
        <message>
            <source>resolve complaints</source>
            <translation>resolve complaints</translation>
        </message>
        <message>
            <source>print case documents</source>
            <translation>print case documents</translation>
        </message>
        <message>
            <source>record satisfaction</source>
            <translation>record satisfaction</translation>
        </message>
        <message>
            <source>close cases</source>
            <translation>close cases</translation>
        </message>
        <message>
            <source>reopen cases</source>
            <translation>reopen cases</translation>
        </message>
        <message>
            <source>record withdrawals</source>
            <translation>record withdrawals</translation>
        </message>
        <message>
            <source>link related complaints</source>
            <translation>link related complaints</translation>
        </message>
        <message>
            <source>decide escalated cases for HQ</source>
            <translation>decide escalated cases for HQ</translation>
        </message>
        <message>
            <source>add attachments</source>
            <translation>add attachments</translation>
        </message>
        <message>
            <source>open attachments</source>
            <translation>open attachments</translation>
        </message>
        <message>
            <source>approve a deadline extension</source>
            <translation>approve a deadline extension</translation>
        </message>
        <message>
            <source>approve reopening a case</source>
            <translation>approve reopening a case</translation>
        </message>
        <message>
            <source>approve compensation</source>
            <translation>approve compensation</translation>
        </message>
        <message>
            <source>manage staff accounts</source>
            <translation>manage staff accounts</translation>
        </message>
        <message>
            <source>unlock staff accounts</source>
            <translation>unlock staff accounts</translation>
        </message>
        <message>
            <source>manage encryption keys</source>
            <translation>manage encryption keys</translation>
        </message>
        <message>
            <source>verify the audit trail</source>
            <translation>verify the audit trail</translation>
        </message>
        <message>
            <source>sync with HQ</source>
            <translation>sync with HQ</translation>
        </message>
        <message>
            <source>print the day-end report</source>
            <translation>print the day-end report</translation>
        </message>
        <message>
            <source>print statistics</source>
            <translation>print statistics</translation>
        </message>
        <message>
            <source>record the complaint</source>
            <translation>record the complaint</translation>
        </message>
        <message>
            <source>acknowledge</source>
            <translation>acknowledge</translation>
        </message>
        <message>
            <source>add a note</source>
            <translation>add a note</translation>
        </message>
        <message>
            <source>log a contact attempt</source>
            <translation>log a contact attempt</translation>
        </message>
        <message>
            <source>assign</source>
            <translation>assign</translation>
        </message>
        <message>
            <source>escalate</source>
            <translation>escalate</translation>
        </message>
        <message>
            <source>extend the deadline</source>
            <translation>extend the deadline</translation>
        </message>
        <message>
            <source>resolve</source>
            <translation>resolve</translation>
        </message>
        <message>
            <source>print a document</source>
            <translation>print a document</translation>
        </message>
        <message>
            <source>close the case</source>
            <translation>close the case</translation>
        </message>
        <message>
            <source>reopen</source>
            <translation>reopen</translation>
        </message>
        <message>
            <source>withdraw</source>
            <translation>withdraw</translation>
        </message>
        <message>
            <source>link a related complaint</source>
            <translation>link a related complaint</translation>
        </message>
        <message>
            <source>add an attachment</source>
            <translation>add an attachment</translation>
        </message>
        <message>
            <source>record HQ's decision</source>
            <translation>record HQ's decision</translation>
        </message>
        <message>
            <source>Individual</source>
            <translation>Individual</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>Company</translation>
        </message>
        <message>
            <source>Resident ID card</source>
            <translation>Resident ID card</translation>
        </message>
        <message>
            <source>Passport</source>
            <translation>Passport</translation>
        </message>
        <message>
            <source>Hong Kong/Macao permit</source>
            <translation>Hong Kong/Macao permit</translation>
        </message>
        <message>
            <source>Taiwan permit</source>
            <translation>Taiwan permit</translation>
        </message>
        <message>
            <source>Foreign permanent resident ID</source>
            <translation>Foreign permanent resident ID</translation>
        </message>
        <message>
            <source>Other document</source>
            <translation>Other document</translation>
        </message>
        <message>
            <source>My cases</source>
            <translation>My cases</translation>
        </message>
        <message>
            <source>Branch (open)</source>
            <translation>Branch (open)</translation>
        </message>
        <message>
            <source>Due soon</source>
            <translation>Due soon</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Awaiting customer</source>
            <translation>Awaiting customer</translation>
        </message>
        <message>
            <source>Needs review</source>
            <translation>Needs review</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Complaint received</source>
            <translation>Complaint received</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Contact attempt</source>
            <translation>Contact attempt</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>Assigned</translation>
        </message>
        <message>
            <source>Escalated to the expert panel</source>
            <translation>Escalated to the expert panel</translation>
        </message>
        <message>
            <source>Deadline extended</source>
            <translation>Deadline extended</translation>
        </message>
        <message>
            <source>Document printed</source>
            <translation>Document printed</translation>
        </message>
        <message>
            <source>Satisfaction recorded</source>
            <translation>Satisfaction recorded</translation>
        </message>
        <message>
            <source>Related complaint linked</source>
            <translation>Related complaint linked</translation>
        </message>
        <message>
            <source>Attachment added</source>
            <translation>Attachment added</translation>
        </message>
        <message>
            <source>HQ decision</source>
            <translation>HQ decision</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>On time</translation>
        </message>
        <message>
            <source>No deadline running</source>
            <translation>No deadline running</translation>
        </message>
        <message>
            <source>{state}: due today</source>
            <translation>{state}: due today</translation>
        </message>
        <message>
            <source>{state}: {days}</source>
            <translation>{state}: {days}</translation>
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
            <translation>Screen locked</translation>
        </message>
        <message>
            <source>Locked by {name} ({number}, {role}). Enter the password to continue where you left off.</source>
            <translation>Locked by {name} ({number}, {role}). Enter the password to continue where you left off.</translation>
        </message>
        <message>
            <source>Log in with your staff number. The work of the person before you is kept for them.</source>
            <translation>Log in with your staff number. The work of the person before you is kept for them.</translation>
        </message>
        <message>
            <source>Who locked the screen</source>
            <translation>Who locked the screen</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>Switch user</source>
            <translation>Switch user</translation>
        </message>
        <message>
            <source>Back to the locked session</source>
            <translation>Back to the locked session</translation>
        </message>
    </context>
    <context>
        <name>LoginWindow</name>
        <message>
            <source>Complaint Desk — log in</source>
            <translation>Complaint Desk — log in</translation>
        </message>
        <message>
            <source>Complaint Desk</source>
            <translation>Complaint Desk</translation>
        </message>
        <message>
            <source>Customer complaints at the branch counter. Log in with your staff number.</source>
            <translation>Customer complaints at the branch counter. Log in with your staff number.</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>Log in (Enter)</source>
            <translation>Log in (Enter)</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Hint</source>
            <translation>Hint</translation>
        </message>
        <message>
            <source>Demo branch: staff T001/T002 (teller), S001 (supervisor), M001 (manager), A001 (auditor); password {password}</source>
            <translation>Demo branch: staff T001/T002 (teller), S001 (supervisor), M001 (manager), A001 (auditor); password {password}</translation>
        </message>
        <message>
            <source>Checking …</source>
            <translation>Checking …</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Worklist</source>
            <translation>Worklist</translation>
        </message>
        <message>
            <source>This PC is not enrolled with HQ, so it cannot sync.</source>
            <translation>This PC is not enrolled with HQ, so it cannot sync.</translation>
        </message>
        <message>
            <source>Complaint Desk</source>
            <translation>Complaint Desk</translation>
        </message>
        <message>
            <source>Complaint Desk — branch {branch}</source>
            <translation>Complaint Desk — branch {branch}</translation>
        </message>
        <message>
            <source> (demo)</source>
            <translation> (demo)</translation>
        </message>
        <message>
            <source>&amp;Complaint</source>
            <translation>&amp;Complaint</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Session</source>
            <translation>&amp;Session</translation>
        </message>
        <message>
            <source>&amp;HQ</source>
            <translation>&amp;HQ</translation>
        </message>
        <message>
            <source>Open work</source>
            <translation>Open work</translation>
        </message>
        <message>
            <source>Main actions</source>
            <translation>Main actions</translation>
        </message>
    </context>
    <context>
        <name>ReviewStep</name>
        <message>
            <source>Review</source>
            <translation>Review</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Customer is</source>
            <translation>Customer is</translation>
        </message>
        <message>
            <source>Credit code</source>
            <translation>Credit code</translation>
        </message>
        <message>
            <source>Contact person</source>
            <translation>Contact person</translation>
        </message>
        <message>
            <source>ID document</source>
            <translation>ID document</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>Agent</translation>
        </message>
        <message>
            <source>Business type</source>
            <translation>Business type</translation>
        </message>
        <message>
            <source>Cause</source>
            <translation>Cause</translation>
        </message>
        <message>
            <source>Business channel</source>
            <translation>Business channel</translation>
        </message>
        <message>
            <source>Received by</source>
            <translation>Received by</translation>
        </message>
        <message>
            <source>When it happened</source>
            <translation>When it happened</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>Amount involved</source>
            <translation>Amount involved</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>What happened</translation>
        </message>
        <message>
            <source>What the customer asks for</source>
            <translation>What the customer asks for</translation>
        </message>
        <message>
            <source>Contact by</source>
            <translation>Contact by</translation>
        </message>
        <message>
            <source>Staff or unit complained about</source>
            <translation>Staff or unit complained about</translation>
        </message>
        <message>
            <source>Working out the decision deadline …</source>
            <translation>Working out the decision deadline …</translation>
        </message>
        <message>
            <source>Decision due by {due} ({policy}). The receipt tells the customer this date.</source>
            <translation>Decision due by {due} ({policy}). The receipt tells the customer this date.</translation>
        </message>
        <message numerus="yes">
            <source>Repeat complaint: this customer already has %n complaint(s) in this category ({references}).</source>
            <translation>
                <numerusform>Repeat complaint: this customer already has %n complaint in this category ({references}).</numerusform>
                <numerusform>Repeat complaint: this customer already has %n complaints in this category ({references}).</numerusform>
            </translation>
        </message>
        <message>
            <source>Summary of the complaint (identity masked)</source>
            <translation>Summary of the complaint (identity masked)</translation>
        </message>
        <message>
            <source>Decision deadline</source>
            <translation>Decision deadline</translation>
        </message>
        <message>
            <source>Repeat complaint warning</source>
            <translation>Repeat complaint warning</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Consent</translation>
        </message>
        <message>
            <source>Consent to processing personal information</source>
            <translation>Consent to processing personal information</translation>
        </message>
        <message>
            <source>The customer &amp;agrees that the bank processes their personal information to handle this complaint</source>
            <translation>The customer &amp;agrees that the bank processes their personal information to handle this complaint</translation>
        </message>
        <message>
            <source>Settled at the counter: &amp;resolve and close it now</source>
            <translation>Settled at the counter: &amp;resolve and close it now</translation>
        </message>
        <message>
            <source>Resolve on the spot</source>
            <translation>Resolve on the spot</translation>
        </message>
    </context>
    <context>
        <name>SaveStep</name>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Check the review, then save. The complaint gets its reference number and the receipt can be printed.</source>
            <translation>Check the review, then save. The complaint gets its reference number and the receipt can be printed.</translation>
        </message>
        <message>
            <source>Settled at the counter: record the outcome and the customer's confirmation, then save. The complaint is recorded, resolved and closed in one go.</source>
            <translation>Settled at the counter: record the outcome and the customer's confirmation, then save. The complaint is recorded, resolved and closed in one go.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>Complaint {reference} recorded. Decision due by {due}.</source>
            <translation>Complaint {reference} recorded. Decision due by {due}.</translation>
        </message>
        <message>
            <source>Complaint {reference} recorded, resolved and closed.</source>
            <translation>Complaint {reference} recorded, resolved and closed.</translation>
        </message>
        <message>
            <source>What happens when you save</source>
            <translation>What happens when you save</translation>
        </message>
        <message>
            <source>Saved complaint</source>
            <translation>Saved complaint</translation>
        </message>
        <message>
            <source>Resolution at the counter</source>
            <translation>Resolution at the counter</translation>
        </message>
        <message>
            <source>&amp;Outcome</source>
            <translation>&amp;Outcome</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>&amp;Findings</source>
            <translation>&amp;Findings</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>Findings</translation>
        </message>
        <message>
            <source>How it was &amp;verified</source>
            <translation>How it was &amp;verified</translation>
        </message>
        <message>
            <source>How the complaint was verified</source>
            <translation>How the complaint was verified</translation>
        </message>
        <message>
            <source>&amp;Basis and reasons</source>
            <translation>&amp;Basis and reasons</translation>
        </message>
        <message>
            <source>Basis and reasons</source>
            <translation>Basis and reasons</translation>
        </message>
        <message>
            <source>&amp;Remedy</source>
            <translation>&amp;Remedy</translation>
        </message>
        <message>
            <source>Remedy</source>
            <translation>Remedy</translation>
        </message>
        <message>
            <source>Com&amp;pensation</source>
            <translation>Com&amp;pensation</translation>
        </message>
        <message>
            <source>Compensation in yuan</source>
            <translation>Compensation in yuan</translation>
        </message>
        <message>
            <source>Satisfaction (1–5)</source>
            <translation>Satisfaction (1–5)</translation>
        </message>
        <message>
            <source>Customer satisfaction, 1 to 5; 0 if not asked</source>
            <translation>Customer satisfaction, 1 to 5; 0 if not asked</translation>
        </message>
        <message>
            <source>Customer's confirmation</source>
            <translation>Customer's confirmation</translation>
        </message>
        <message>
            <source>Customer confirms it is settled</source>
            <translation>Customer confirms it is settled</translation>
        </message>
        <message>
            <source>not asked</source>
            <translation>not asked</translation>
        </message>
        <message>
            <source>The customer &amp;confirms the complaint is settled</source>
            <translation>The customer &amp;confirms the complaint is settled</translation>
        </message>
        <message>
            <source>&amp;Save the complaint</source>
            <translation>&amp;Save the complaint</translation>
        </message>
        <message>
            <source>Save the complaint</source>
            <translation>Save the complaint</translation>
        </message>
        <message>
            <source>&amp;Print receipt …</source>
            <translation>&amp;Print receipt …</translation>
        </message>
        <message>
            <source>Print the receipt (preview, print or save as PDF)</source>
            <translation>Print the receipt (preview, print or save as PDF)</translation>
        </message>
        <message>
            <source>&amp;Open the case</source>
            <translation>&amp;Open the case</translation>
        </message>
        <message>
            <source>Open the saved case</source>
            <translation>Open the saved case</translation>
        </message>
        <message>
            <source>Open the saved case (Alt+O)</source>
            <translation>Open the saved case (Alt+O)</translation>
        </message>
        <message>
            <source>&amp;Next customer</source>
            <translation>&amp;Next customer</translation>
        </message>
        <message>
            <source>Start the next complaint</source>
            <translation>Start the next complaint</translation>
        </message>
        <message>
            <source>Start the next complaint (Alt+N)</source>
            <translation>Start the next complaint (Alt+N)</translation>
        </message>
    </context>
    <context>
        <name>SyncProgress</name>
        <message>
            <source>Stopping the sync …</source>
            <translation>Stopping the sync …</translation>
        </message>
        <message>
            <source>Connecting to HQ …</source>
            <translation>Connecting to HQ …</translation>
        </message>
        <message>
            <source>Sending to HQ: {done} of {total}</source>
            <translation>Sending to HQ: {done} of {total}</translation>
        </message>
        <message>
            <source>Sending to HQ: {done}</source>
            <translation>Sending to HQ: {done}</translation>
        </message>
        <message>
            <source>Sending to HQ …</source>
            <translation>Sending to HQ …</translation>
        </message>
        <message>
            <source>Receiving from HQ: {done}</source>
            <translation>Receiving from HQ: {done}</translation>
        </message>
    </context>
    <context>
        <name>TimelineModel</name>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Reference {reference}, received by: {channel}</source>
            <translation>Reference {reference}, received by: {channel}</translation>
        </message>
        <message>
            <source>reached</source>
            <translation>reached</translation>
        </message>
        <message>
            <source>not reached</source>
            <translation>not reached</translation>
        </message>
        <message>
            <source>Now handled by {who}</source>
            <translation>Now handled by {who}</translation>
        </message>
        <message>
            <source>Level {level}: {reason}</source>
            <translation>Level {level}: {reason}</translation>
        </message>
        <message>
            <source>New deadline {due} (extension {level}, approved by {approver}): {reason}</source>
            <translation>New deadline {due} (extension {level}, approved by {approver}): {reason}</translation>
        </message>
        <message>
            <source>Remedy: {remedy}</source>
            <translation>Remedy: {remedy}</translation>
        </message>
        <message>
            <source>Compensation: {amount}</source>
            <translation>Compensation: {amount}</translation>
        </message>
        <message>
            <source>Score {score} of 5</source>
            <translation>Score {score} of 5</translation>
        </message>
        <message>
            <source>Related to {reference}</source>
            <translation>Related to {reference}</translation>
        </message>
        <message>
            <source>{document}, copy {copy}</source>
            <translation>{document}, copy {copy}</translation>
        </message>
    </context>
    <context>
        <name>WorklistModel</name>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Time left</source>
            <translation>Time left</translation>
        </message>
        <message>
            <source>Handled by</source>
            <translation>Handled by</translation>
        </message>
        <message>
            <source>Click to sort</source>
            <translation>Click to sort</translation>
        </message>
        <message>
            <source> (level {level})</source>
            <translation> (level {level})</translation>
        </message>
    </context>
    <context>
        <name>WorklistPanel</name>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n case</numerusform>
                <numerusform>%n cases</numerusform>
            </translation>
        </message>
        <message>
            <source>Counting …</source>
            <translation>Counting …</translation>
        </message>
        <message>
            <source>Worklists</source>
            <translation>Worklists</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>&amp;Search</translation>
        </message>
        <message>
            <source>Reference, customer name, last 4 digits of phone or ID, or any words</source>
            <translation>Reference, customer name, last 4 digits of phone or ID, or any words</translation>
        </message>
        <message>
            <source>Search complaints</source>
            <translation>Search complaints</translation>
        </message>
        <message>
            <source>Search complaints (Ctrl+F)</source>
            <translation>Search complaints (Ctrl+F)</translation>
        </message>
        <message>
            <source>Complaints in this worklist</source>
            <translation>Complaints in this worklist</translation>
        </message>
        <message>
            <source>Number of cases</source>
            <translation>Number of cases</translation>
        </message>
    </context>
    <context>
        <name>_Counts</name>
        <message numerus="yes">
            <source>Overdue by %n day(s)</source>
            <translation>
                <numerusform>Overdue by %n day</numerusform>
                <numerusform>Overdue by %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>%n day left</numerusform>
                <numerusform>%n days left</numerusform>
            </translation>
        </message>
    </context>
</TS>
