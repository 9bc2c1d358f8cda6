import ReportModel

extension StatusReport {
    /// The report for a terminal, in `language`.
    public func text(_ language: Language) -> String {
        func t(_ vi: String, _ en: String) -> String { language.pick(vi: vi, en: en) }
        var s = t("Tình trạng dailyreports: \(out) (lúc \(generatedAt))", "dailyreports status: \(out) (at \(generatedAt))") + "\n"
        if notes.contains("no_warehouse") {
            s += t("Chưa có kho dữ liệu (warehouse.sqlite): chưa có lần chạy nào thành công ở thư mục này.",
                   "No warehouse (warehouse.sqlite) yet: nothing has run successfully in this folder.") + "\n"
        }
        for n in notes where n.hasPrefix("warehouse_unreadable") {
            s += t("Không đọc được kho dữ liệu: ", "The warehouse could not be read: ") + n.dropFirst("warehouse_unreadable: ".count) + "\n"
        }
        s += "\n" + t("Các lần chạy gần nhất:", "Last runs:") + "\n"
        if lastRuns.isEmpty { s += "  " + t("(chưa có)", "(none)") + "\n" }
        for r in lastRuns { s += "  " + runLine(r, language) + "\n" }
        if let inbox, let start = inboxRunStart { s += "\n" + inboxText(inbox, runStart: start, language) }
        s += "\n" + t("Ngày báo cáo đã xuất gần nhất: ", "Latest exported report day: ") + (latestExportedDay ?? t("chưa có", "none")) + "\n"
        s += t("Ngày chờ tính lại: ", "Dates pending recomputation: ") + list(pendingDates, language)
        if !pendingDates.isEmpty { s += t(" (lần chạy sau sẽ tính lại)", " (the next run recomputes them)") }
        s += "\n" + t("Ngày còn tạm tính (xuất trước hạn nộp): ", "Dates still provisional (exported before their deadline): ")
            + list(provisionalDates, language) + "\n"
        if !provinces.isEmpty {
            s += "\n" + t("Theo tỉnh: ngày báo cáo gần nhất đã nhận", "By province: latest report day received") + "\n"
            for p in provinces {
                s += "  \(p.code) \(p.name): " + (p.latestReportDay ?? t("chưa nhận báo cáo nào", "no report received"))
                if let b = p.reportDaysBehind, b > 0 { s += t(" (chậm \(b) ngày báo cáo)", " (\(b) report day\(b == 1 ? "" : "s") behind)") }
                s += "\n"
            }
        }
        s += "\n" + t("Đơn vị thiếu báo cáo từ \(Self.minimumMissingDays) ngày báo cáo liên tiếp trở lên: \(chronicallyMissing.count)",
                      "Units missing \(Self.minimumMissingDays) report days or more in a row: \(chronicallyMissing.count)") + "\n"
        var perProvince: [String: Int] = [:]
        for u in chronicallyMissing { perProvince[u.provinceCode, default: 0] += 1 }
        if perProvince.count > 1 {
            s += "  " + t("theo tỉnh: ", "by province: ")
                + perProvince.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "\n"
        }
        for u in chronicallyMissing.prefix(Self.unitsShown) {
            let contact = [u.contactName, u.contactPhone, u.contactEmail].filter { !$0.isEmpty }.joined(separator: ", ")
            s += "  \(u.provinceCode) \(u.unitCode) \(u.unitName): " + t("\(u.days) ngày, từ \(u.since)", "\(u.days) days, since \(u.since)")
            s += " — " + (contact.isEmpty ? t("không có đầu mối liên hệ", "no contact point") : contact) + "\n"
        }
        if chronicallyMissing.count > Self.unitsShown {
            let more = chronicallyMissing.count - Self.unitsShown
            s += "  " + t("… và \(more) đơn vị khác (tất cả, kèm đầu mối liên hệ: status --json)",
                          "… and \(more) more units (all of them, with contacts: status --json)") + "\n"
        }
        return s
    }

    /// What the latest run that walked the inbox left there to chase, a line per kind.
    func inboxText(_ inbox: InboxLeftovers, runStart: String, _ language: Language) -> String {
        func t(_ vi: String, _ en: String) -> String { language.pick(vi: vi, en: en) }
        var s = t("Hộp thư đến, ở lần chạy gần nhất (\(runStart)):", "The inbox, at the latest run (\(runStart)):")
        guard !inbox.isEmpty else { return s + t(" không có tệp nào cần theo dõi.", " nothing to follow up.") + "\n" }
        s += "\n"
        func line(_ e: InboxLeftovers.Entries, _ text: (_ n: Int, _ time: String) -> String) {
            guard e.count > 0 else { return }
            var paths = e.paths.joined(separator: ", ")
            if e.count > e.paths.count { paths += t(" … và \(e.count - e.paths.count) tệp khác", " … and \(e.count - e.paths.count) more") }
            s += "  " + text(e.count, e.time ?? "?") + ": " + paths + "\n"
        }
        line(inbox.stalled) { n, since in
            t("\(n) tệp tải lên dở không thay đổi đã hơn 1 giờ (từ \(since)): việc gửi có lẽ đã bị gián đoạn, hãy báo đơn vị gửi lại tệp",
              "\(n) upload(s) in progress unchanged for over an hour (since \(since)): probably interrupted, ask the unit to send again")
        }
        line(inbox.inProgress) { n, _ in
            t("\(n) tệp đang tải lên dở, để lại cho lần chạy sau", "\(n) upload(s) still in progress, left for a later run")
        }
        line(inbox.unreadable) { n, _ in
            t("\(n) tệp không đọc được, để lại cho lần chạy sau (hãy xem quyền đọc của tệp)",
              "\(n) unreadable file(s), left for the next run (check the files' read permission)")
        }
        line(inbox.notRegular) { n, _ in
            t("\(n) mục không phải tệp thường (liên kết tượng trưng, …) không được đọc: hãy chép chính tệp vào hộp thư đến",
              "\(n) entry(ies) that are no regular file (symbolic links, …) not read: copy the file itself into the inbox")
        }
        line(inbox.timesAhead) { n, until in
            t("\(n) tệp có thời gian sửa đổi muộn hơn đồng hồ của máy chủ (đến \(until)), được tính là nhận lúc lần chạy thấy chúng: "
                + "hãy báo đơn vị chỉnh lại giờ máy",
              "\(n) file(s) modified later than the server's clock (up to \(until)), taken as received when the run saw them: "
                + "ask the unit to set its clock right")
        }
        return s
    }

    /// Units listed on a terminal (all of them in `--json`).
    static let unitsShown = 40

    func list(_ dates: [String], _ language: Language) -> String {
        guard !dates.isEmpty else { return language.pick(vi: "không có", en: "none") }
        return dates.count <= 10 ? dates.joined(separator: ", ")
            : dates.prefix(10).joined(separator: ", ") + language.pick(vi: " … (\(dates.count) ngày)", en: " … (\(dates.count) dates)")
    }

    func runLine(_ r: RunEntry, _ language: Language) -> String {
        func t(_ vi: String, _ en: String) -> String { language.pick(vi: vi, en: en) }
        var s = "\(r.start) \(r.command) \(r.arguments.joined(separator: " "))"
        guard let code = r.exitCode else {
            return s + " — " + (r.error == "running" ? t("đang chạy hoặc đã dừng đột ngột", "running, or died")
                                                     : t("bị dừng giữa chừng; lần chạy sau hoàn tất việc dở", "killed; the next run finishes its work"))
        }
        s += " — exit \(code): "
        if code == 0 {
            s += t("xong", "done")
            if let f = r.filesNew, let a = r.rowsAccepted, let j = r.rowsRejected {
                s += t(" (\(f) tệp mới, \(a) dòng nhận, \(j) dòng từ chối)", " (\(f) new files, \(a) rows accepted, \(j) rejected)")
            }
        } else {
            s += r.error ?? t("lỗi", "failed")
        }
        return s
    }
}
