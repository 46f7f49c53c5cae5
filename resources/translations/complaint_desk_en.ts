<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CustomerMatchModel</name>
    <message numerus="yes">
        <source>{open} open / %n complaint(s)</source>
        <translation>
            <numerusform>{open} open / %n complaint</numerusform>
            <numerusform>{open} open / %n complaints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerStep</name>
    <message numerus="yes">
        <source>%n customer(s) found</source>
        <translation>
            <numerusform>%n customer found</numerusform>
            <numerusform>%n customers found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Repeat complaint? This customer has %n open complaint(s). Check them before recording a new one.</source>
        <translation>
            <numerusform>Repeat complaint? This customer has %n open complaint. Check them before recording a new one.</numerusform>
            <numerusform>Repeat complaint? This customer has %n open complaints. Check them before recording a new one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message numerus="yes">
        <source>All %n week(s)</source>
        <translation>
            <numerusform>All %n week</numerusform>
            <numerusform>All %n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue cases: %n</source>
        <translation>
            <numerusform>Overdue cases: %n</numerusform>
            <numerusform>Overdue cases: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Corrective actions overdue: %n</source>
        <translation>
            <numerusform>Corrective actions overdue: %n</numerusform>
            <numerusform>Corrective actions overdue: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayEndDialog</name>
    <message numerus="yes">
        <source>Overdue cases: %n</source>
        <translation>
            <numerusform>Overdue cases: %n</numerusform>
            <numerusform>Overdue cases: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes not yet sent to HQ: %n (the close sends them)</source>
        <translation>
            <numerusform>Change not yet sent to HQ: %n (the close sends it)</numerusform>
            <numerusform>Changes not yet sent to HQ: %n (the close sends them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Intake drafts still open: %n</source>
        <translation>
            <numerusform>Intake draft still open: %n</numerusform>
            <numerusform>Intake drafts still open: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This day was already closed (%n time(s)): closing again is a re-run, and its day-end report is printed as a copy.</source>
        <translation>
            <numerusform>This day was already closed once: closing again is a re-run, and its day-end report is printed as a copy.</numerusform>
            <numerusform>This day was already closed %n times: closing again is a re-run, and its day-end report is printed as a copy.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupComplaintBox</name>
    <message numerus="yes">
        <source>A group complaint chooses at most %n representative(s).</source>
        <translation>
            <numerusform>A group complaint chooses at most %n representative.</numerusform>
            <numerusform>A group complaint chooses at most %n representatives.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Representatives, at most %n</source>
        <translation>
            <numerusform>Representatives, at most %n</numerusform>
            <numerusform>Representatives, at most %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n change(s) have not reached HQ yet. They are kept on this PC and sent at the next sync; quit anyway?</source>
        <translation>
            <numerusform>%n change has not reached HQ yet. It is kept on this PC and sent at the next sync; quit anyway?</numerusform>
            <numerusform>%n changes have not reached HQ yet. They are kept on this PC and sent at the next sync; quit anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProvisionalBanner</name>
    <message numerus="yes">
        <source>%n open case(s) have a provisional deadline: the holiday calendar does not cover the year it falls in yet, so it may move once HQ publishes that year.</source>
        <translation>
            <numerusform>%n open case has a provisional deadline: the holiday calendar does not cover the year it falls in yet, so it may move once HQ publishes that year.</numerusform>
            <numerusform>%n open cases have a provisional deadline: the holiday calendar does not cover the year it falls in yet, so it may move once HQ publishes that year.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewStep</name>
    <message numerus="yes">
        <source>Repeat complaint: this customer already has %n complaint(s) in this category ({references}).</source>
        <translation>
            <numerusform>Repeat complaint: this customer already has %n complaint in this category ({references}).</numerusform>
            <numerusform>Repeat complaint: this customer already has %n complaints in this category ({references}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorklistExport</name>
    <message numerus="yes">
        <source>Exported %n row(s) …</source>
        <translation>
            <numerusform>Exported %n row …</numerusform>
            <numerusform>Exported %n rows …</numerusform>
        </translation>
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
