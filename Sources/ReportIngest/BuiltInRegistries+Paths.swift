import Foundation

extension BuiltInRegistries {
    /// Registry paths that name the built-in files (`builtin:units.csv`, …), for `RegistryLoader.load`.
    public static let paths = RegistryLoader.Paths(units: "builtin:units.csv", procedures: "builtin:procedures.csv",
                                                   contacts: "builtin:contacts.csv", calendar: "builtin:calendar.csv")

    /// The text of a built-in registry path; nil for any other path. No contact points are built in (they are
    /// people's phones and e-mails): `builtin:contacts.csv` is a header only.
    public static func contents(_ path: String) -> Data? {
        switch path {
        case "builtin:units.csv": Data((units + "\n").utf8)
        case "builtin:procedures.csv": Data((procedures + "\n").utf8)
        case "builtin:calendar.csv": Data((calendar + "\n").utf8)
        case "builtin:contacts.csv": Data("unit_code,full_name,title,phone,email,active_from,active_to\n".utf8)
        default: nil
        }
    }
}
