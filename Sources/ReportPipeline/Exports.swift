@_exported import ReportModel
@_exported import ReportIngest

public typealias RegistryLoaderPaths = RegistryLoader.Paths
