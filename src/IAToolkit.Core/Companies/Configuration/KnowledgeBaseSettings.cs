using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>The <c>knowledge_base</c> section.</summary>
internal sealed record KnowledgeBaseSettings
{
    /// <summary><c>connectors.development</c>; a local connector when not given.</summary>
    public ConnectorSettings Development { get; init; } = new() { Type = ConnectorType.Local };

    /// <summary><c>connectors.production</c>, or <see langword="null"/> when not given.</summary>
    public ConnectorSettings? Production { get; init; }

    /// <summary><c>document_sources</c>, by name, in file order.</summary>
    public IReadOnlyList<DocumentSource> DocumentSources { get; init; } = [];

    /// <summary><c>knowledge_base.collections</c> (IAToolkit 2.x): the names a document source may file its documents under.</summary>
    public IReadOnlyList<string> Collections { get; init; } = [];
}
