using System.IO.Compression;
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
/// One PdfPig filter under the document's budget. FlateDecode output is measured first by streaming it through a
/// counting stream into nothing, so a bomb is refused before PdfPig allocates it; the output of the other filters
/// (whose expansion is bounded by a small ratio) is checked after decoding.
/// </summary>
internal sealed class BoundedFilter : IFilter
{
    private readonly IFilter _inner;
    private readonly ParseBudget _budget;

    public BoundedFilter(IFilter inner, ParseBudget budget)
    {
        _inner = inner;
        _budget = budget;
    }

    public bool IsSupported => _inner.IsSupported;

    public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
    {
        _budget.Check();
        var limit = _budget.Options.MaxPdfStreamBytes;
        if (_inner is FlateFilter)
        {
            MeasureDeflate(input, limit);
        }

        var output = _inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        if (output.Length > limit)
        {
            throw TooLarge();
        }

        _budget.Decoded(output.Length);
        return output;
    }

    private void MeasureDeflate(Memory<byte> input, long limit)
    {
        // A zlib stream starts with a two-byte header; PdfPig skips it the same way before inflating.
        if (input.Length <= 2)
        {
            return;
        }

        var scratch = new byte[81920];
        try
        {
            using var compressed = new MemoryStream(input[2..].ToArray(), writable: false);
            using var inflated = new CountingReadStream(new DeflateStream(compressed, CompressionMode.Decompress), limit, TooLarge);
            while (inflated.Read(scratch) > 0)
            {
                _budget.Check();
            }
        }
        catch (InvalidDataException)
        {
            // Damaged data: PdfPig decodes what it can of it, and the check after decoding still holds.
        }
    }

    private DocumentTooComplexException TooLarge()
        => _budget.Record(_budget.TooComplex($"a stream in it expands to more than {ParseBudget.Megabytes(_budget.Options.MaxPdfStreamBytes)} MB", nameof(DocumentParsingOptions.MaxPdfStreamBytes)));
}
