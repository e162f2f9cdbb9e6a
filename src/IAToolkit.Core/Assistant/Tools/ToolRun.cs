using System.Collections.Concurrent;
using IAToolkit.Companies;

namespace IAToolkit.Assistant.Tools;

/// <summary>What the tools of one question share: who is asking, for which company, and the record of every call.</summary>
internal sealed class ToolRun
{
    private readonly ConcurrentQueue<ToolCallRecord> _calls = new();
    private readonly ConcurrentQueue<Citation> _passages = new();

    public ToolRun(Company company, CompanyUserInfo user, IServiceProvider services, Uri? publicBaseUrl)
    {
        Company = company;
        User = user;
        Services = services;
        PublicBaseUrl = publicBaseUrl;
    }

    public Company Company { get; }

    public CompanyUserInfo User { get; }

    /// <summary>The request's services, handed to the company's own tools.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The host's public address, for links in answers (downloads); relative links when unknown.</summary>
    public Uri? PublicBaseUrl { get; }

    /// <summary>How many SQL statements failed in this question (the model may fix one once).</summary>
    public int SqlFailures { get; set; }

    public IReadOnlyList<ToolCallRecord> Calls => [.. _calls];

    public void Record(ToolCallRecord call) => _calls.Enqueue(call);

    /// <summary>The documents and pages the document search returned in this question, in the order returned.</summary>
    public IReadOnlyList<Citation> Passages => [.. _passages];

    public void RecordPassage(Citation passage) => _passages.Enqueue(passage);
}
