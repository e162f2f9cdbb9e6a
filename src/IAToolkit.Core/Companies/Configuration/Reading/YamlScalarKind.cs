using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>What a YAML scalar means, resolved as PyYAML's <c>safe_load</c> would (so Python folders read the same).</summary>
internal enum YamlScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}
