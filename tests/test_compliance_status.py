"""Pure functions: displayed status, content parsing and every record type's rule checks."""

import datetime

from compliance import kinds as k
from compliance import rules
from compliance import status as st

D = datetime.date


def test_status_table():
    due, opens = D(2026, 11, 30), D(2026, 11, 1)
    submitted_on_time = datetime.datetime(2026, 11, 20, 10, 0)
    late = datetime.datetime(2026, 12, 3, 10, 0)
    assert st.compute_status(due, D(2026, 10, 20), opens=opens) == st.NOT_DUE
    assert st.compute_status(due, D(2026, 11, 5), opens=opens) == st.TO_SUBMIT
    assert st.compute_status(due, D(2026, 12, 1), opens=opens) == st.OVERDUE
    assert st.compute_status(due, D(2026, 11, 25), submitted_on_time, opens=opens) == st.IN_REVIEW
    assert st.compute_status(due, D(2026, 12, 25), submitted_on_time, st.ACCEPTED) == st.DONE
    assert st.compute_status(due, D(2026, 12, 25), late, st.ACCEPTED) == st.DONE_LATE
    assert st.compute_status(due, D(2026, 11, 25), submitted_on_time, st.RETURNED_RESULT) == st.RETURNED
    assert st.compute_status(due, D(2026, 12, 25), None, "", True) == st.NOT_APPLICABLE
    # Resubmitted after return: review fact cleared → back in review.
    assert st.compute_status(due, D(2026, 12, 5), late, "") == st.IN_REVIEW


def _meeting(**kw):
    data = {"meeting_type": "联席会议", "chair": "王书记", "expected": "7", "actual": "6",
            "agenda": "议题一\n议题二", "speakers": "李委员\n张委员\n王书记", "decisions": "决定一"}
    data.update(kw)
    return k.parse(k.MEETING, data, True)


def test_meeting_secretary_last_and_counts():
    content, errors = _meeting()
    assert not errors
    assert content["speakers"] == ["李委员", "张委员", "王书记"]
    assert rules.check(k.MEETING, content, True, "王书记") == ({}, [])
    content, _ = _meeting(speakers="王书记\n李委员")
    errors, flags = rules.check(k.MEETING, content, True, "王书记")
    assert not errors and "末位表态" in flags[0]
    content, _ = _meeting(actual="9")
    assert "实到人数不能多于应到人数" in rules.check(k.MEETING, content, True, "王书记")[0]["actual"]
    content, _ = _meeting(major="on")
    assert "四议两公开" in rules.check(k.MEETING, content, True)[0]["major"]
    _content, errors = _meeting(expected="七")
    assert errors["expected"] == "“应到人数”应为整数。"
    _content, errors = k.parse(k.MEETING, {}, True)
    assert errors["chair"] == "请填写“主持人”。"
    _content, errors = k.parse(k.MEETING, {}, False)  # a draft may be incomplete
    assert not errors


def _siyi(**kw):
    c = {"matter": "修路", "major": True}
    dates = ["2026-03-01", "2026-03-03", "2026-03-08", "2026-03-12", "2026-03-14", "2026-05-01"]
    for n, d in enumerate(dates, 1):
        c[f"s{n}_date"] = d
        c[f"s{n}_content"] = "内容"
    c.update(s1_expected=7, s1_actual=7, s2_expected=9, s2_actual=9, s3_expected=30, s3_actual=20, s3_agree=16,
             s4_form="村民代表会议", s4_expected=45, s4_actual=30, s4_agree=23, s5_channel="公开栏", s6_channel="线上")
    c.update(kw)
    return k.parse(k.SIYI, c, True)


def test_siyi_steps_quorum_and_order():
    content, errors = _siyi()
    assert not errors
    assert rules.check(k.SIYI, content, True) == ({}, [])
    # A meeting below quorum or without its majority is recorded, flagged as no basis for a decision.
    content, _ = _siyi(s3_actual=19)  # 19 < 2/3 × 30
    errors, flags = rules.check(k.SIYI, content, True)
    assert not errors and "三分之二" in flags[0] and flags[0].endswith("不能作为决议依据。")
    content, _ = _siyi(s3_agree=15)  # 15 is not more than half of 30 members
    errors, flags = rules.check(k.SIYI, content, True)
    assert not errors and "过半数" in flags[0] and "不能作为决议依据" in flags[0]
    content, _ = _siyi(s3_agree=21)  # impossible: more votes than members present
    assert "不能多于实到人数" in rules.check(k.SIYI, content, True)[0]["s3_agree"]
    content, _ = _siyi(s3_date="2026-03-02")  # before step ②
    assert "不能早于第2步" in rules.check(k.SIYI, content, True)[0]["s3_date"]
    content, _ = _siyi(s4_agree=22)  # representatives: more than half of all 45
    assert "不能作为决议依据" in rules.check(k.SIYI, content, True)[1][0]
    content, _ = _siyi(s4_form="村民会议", s4_expected=800, s4_actual=300)
    assert "过半数" in rules.check(k.SIYI, content, True)[1][0]
    # A draft with only step ③ dated is out of order; with ①② only it is fine.
    draft, _ = k.parse(k.SIYI, {"matter": "修路", "s3_date": "2026-03-08"}, False)
    assert "请先完成第2步" in rules.check(k.SIYI, draft, False)[0]["s3_date"]
    draft, _ = k.parse(k.SIYI, {"matter": "修路", "s1_date": "2026-03-01", "s2_date": "2026-03-02"}, False)
    assert rules.check(k.SIYI, draft, False) == ({}, [])
    content, _ = _siyi(s5_channel="")
    assert "s5_channel" in rules.check(k.SIYI, content, True)[0]


def test_disclosure_accounts_petition_leave_rules():
    content, errors = k.parse(k.DISCLOSURE, {"scope": "财务", "subject": "10月收支", "channel": "公告栏",
                                             "posted_on": "2026-11-01"}, True)
    assert errors["channel"] == "“公开渠道”应为：公开栏、组公告栏、线上。"
    content, errors = k.parse(k.DISCLOSURE, {"scope": "财务", "subject": "10月收支", "channel": "公开栏",
                                             "posted_on": "2026-11-05", "removed_on": "2026-11-01"}, True)
    assert "撤下日期" in rules.check(k.DISCLOSURE, content, True)[0]["removed_on"]

    signers = "经办人|甲\n民主理财小组|乙\n书记(主任)|丙\n村监委会主任|丁"
    data = {"period": "2026-10", "income": "100", "spending": "80000", "largest": "60000", "signers": signers}
    content, errors = k.parse(k.ACCOUNTS, data, True)
    assert not errors and content["largest"] == "60000.00"
    assert "乡镇分管领导" in rules.check(k.ACCOUNTS, content, True)[0]["signers"]
    content, _ = k.parse(k.ACCOUNTS, dict(data, signers=signers + "\n乡镇分管领导|戊"), True)
    assert rules.check(k.ACCOUNTS, content, True) == ({}, [])
    content, _ = k.parse(k.ACCOUNTS, dict(data, largest="100", signers="书记(主任)|丙\n经办人|甲"), True)
    assert "依次" in rules.check(k.ACCOUNTS, content, True)[0]["signers"]
    _c, errors = k.parse(k.ACCOUNTS, dict(data, spending="-5"), True)
    assert "不小于 0" in errors["spending"]
    _c, errors = k.parse(k.ACCOUNTS, dict(data, signers="经办人"), True)
    assert "第1行应有2项" in errors["signers"]

    content, errors = k.parse(k.PETITION, {"matters": "修路|王书记|2026-11-01|已办|不满意"}, True)
    assert not errors
    errors, flags = rules.check(k.PETITION, content, True, occurred_on=D(2026, 11, 10))
    assert "办结期限" in errors["matters"] and "不满意" in flags[0]
    _c, errors = k.parse(k.PETITION, {"matters": "修路|王书记|2026-12-01|已办|还行"}, True)
    assert "满意度" in errors["matters"]

    content, _ = k.parse(k.LEAVE, {"person": "甲", "leave_from": "2026-11-10", "leave_to": "2026-11-08",
                                   "reason": "病", "approver": "乙"}, True)
    assert "leave_to" in rules.check(k.LEAVE, content, True)[0]
    _c, errors = k.parse(k.SEAL, {"entries": "2026-11-01|开证明|王书记|李会计"}, True)
    assert not errors
    _c, errors = k.parse(k.DUTY, {"shifts": "2026-13-01|张三|无"}, True)
    assert "日期" in errors["shifts"]
