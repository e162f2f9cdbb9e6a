using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary><c>knowledge_base.connectors.*.type</c>: where documents are read from.</summary>
internal enum ConnectorType
{
    /// <summary><c>local</c>: a folder on the host.</summary>
    Local,

    /// <summary><c>s3</c>: an S3 bucket or any S3-compatible server.</summary>
    S3,
}
