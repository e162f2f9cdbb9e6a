using IAToolkit.Companies;
using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Parsing;

namespace IAToolkit.Knowledge.Store;

/// <summary>
/// The PostgreSQL text search configuration (<c>regconfig</c>) of a company's chunks and queries, chosen by the
/// language of its locale: stemming and stop words for English and Spanish, plain lower-cased words otherwise.
/// </summary>
internal static class TextSearchConfiguration
{
    public static string For(Company company) => company.Configuration.Language switch
    {
        "en" => "english",
        "es" => "spanish",
        _ => "simple",
    };
}
