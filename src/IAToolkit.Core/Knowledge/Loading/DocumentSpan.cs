using System.Diagnostics;
using IAToolkit.Companies;
using IAToolkit.Diagnostics;

namespace IAToolkit.Knowledge.Loading;

/// <summary>
/// The telemetry of one document on its way into the knowledge base, by the loader or an upload: an
/// <c>iatoolkit.ingest</c> span and one count of <c>iatoolkit.documents.ingested</c> with the outcome. Tags name the
/// company, the source and the format, never the file's name or text (a contract's file name is often a person's name).
/// </summary>
internal sealed class DocumentSpan : IDisposable
{
    private readonly Activity? _activity;
    private readonly string _company;
    private readonly string _source;
    private readonly string _format;
    private string? _outcome;

    private DocumentSpan(Activity? activity, string company, string source, string format)
    {
        _activity = activity;
        _company = company;
        _source = source;
        _format = format;
    }

    /// <summary>Starts the span of <paramref name="path"/> in <paramref name="source"/>; <paramref name="trigger"/> is <c>load</c> or <c>upload</c>.</summary>
    public static DocumentSpan Start(Company company, string source, string path, string trigger)
    {
        var extension = Path.GetExtension(path);
        var format = extension.Length > 1 ? extension[1..].ToLowerInvariant() : "none";
        var activity = Telemetry.Source.StartActivity("iatoolkit.ingest");
        activity?.SetTag(Telemetry.CompanyTag, company.ShortName);
        activity?.SetTag(Telemetry.SourceTag, source);
        activity?.SetTag("iatoolkit.document.format", format);
        activity?.SetTag("iatoolkit.ingest.trigger", trigger);
        return new DocumentSpan(activity, company.ShortName, source, format);
    }

    /// <summary>The document was indexed (<c>new</c> or <c>changed</c>) with this many pages and chunks.</summary>
    public void Indexed(string outcome, int pages, int chunks)
    {
        _activity?.SetTag("iatoolkit.document.pages", pages);
        _activity?.SetTag("iatoolkit.document.chunks", chunks);
        End(outcome);
    }

    /// <summary>The stored document has the same content: nothing was read or embedded.</summary>
    public void Unchanged() => End("unchanged");

    /// <summary>The document was refused or failed; the outcome is its error code (or the exception's type).</summary>
    public void Failed(Exception exception) => End(SpanFailure.Mark(_activity, exception));

    /// <summary>Counts the document with its outcome and ends the span.</summary>
    public void Dispose()
    {
        if (_outcome is not null)
        {
            Telemetry.DocumentsIngested.Add(
                1,
                new KeyValuePair<string, object?>(Telemetry.CompanyTag, _company),
                new KeyValuePair<string, object?>(Telemetry.SourceTag, _source),
                new KeyValuePair<string, object?>("iatoolkit.document.format", _format),
                new KeyValuePair<string, object?>(Telemetry.OutcomeTag, _outcome));
        }

        _activity?.Dispose();
    }

    private void End(string outcome)
    {
        _outcome ??= outcome;
        _activity?.SetTag(Telemetry.OutcomeTag, _outcome);
    }
}
