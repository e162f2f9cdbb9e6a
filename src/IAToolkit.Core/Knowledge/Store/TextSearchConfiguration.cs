using IAToolkit.Companies;

namespace IAToolkit.Knowledge;

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
