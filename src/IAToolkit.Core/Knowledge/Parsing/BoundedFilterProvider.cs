using IAToolkit.Knowledge;
using IAToolkit.Knowledge.Chunking;
using IAToolkit.Knowledge.Connectors;
using IAToolkit.Knowledge.Embeddings;
using IAToolkit.Knowledge.Loading;
using IAToolkit.Knowledge.Store;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace IAToolkit.Knowledge.Parsing;

/// <summary>
/// PdfPig's filters, each wrapped so that a stream decoding past <see cref="DocumentParsingOptions.MaxPdfStreamBytes"/>
/// or the document past <see cref="DocumentParsingOptions.MaxPdfDecodedBytes"/> is refused: a few kilobytes of
/// FlateDecode can hold gigabytes, and PdfPig decodes a stream whole into memory. One instance per document.
/// </summary>
internal sealed class BoundedFilterProvider : IFilterProvider
{
    private readonly IFilterProvider _inner = DefaultFilterProvider.Instance;
    private readonly ParseBudget _budget;

    public BoundedFilterProvider(ParseBudget budget)
    {
        _budget = budget;
    }

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(_inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(_inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(_inner.GetAllFilters());

    private IFilter[] Wrap(IReadOnlyList<IFilter> filters) => [.. filters.Select(f => new BoundedFilter(f, _budget))];
}
