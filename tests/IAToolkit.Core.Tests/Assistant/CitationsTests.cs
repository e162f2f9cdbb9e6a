using IAToolkit.Assistant;

namespace IAToolkit.Core.Tests.Assistant;

public sealed class CitationsTests
{
    private static readonly Citation[] s_retrieved =
    [
        new("contract_Julia_Bianchi.pdf", 2),
        new("contract_Julia_Bianchi.pdf", 3),
        new("supplier_manual_acme.pdf", 7),
        new("policies.docx", null),
    ];

    [TestCase("Her notice period is 30 days (contract_Julia_Bianchi.pdf, p. 2).")]
    [TestCase("Her notice period is 30 days (contract Julia Bianchi, page 2).")]
    [TestCase("Su preaviso es de 30 días (contract_Julia_Bianchi.pdf, pág. 2).")]
    [TestCase("Her notice period is 30 days [CONTRACT_JULIA_BIANCHI.PDF, p.2].")]
    public void Select_AnswerCitesADocumentAndPage_ListsThatPageOnly(string answer)
    {
        var cited = Citations.Select(answer, s_retrieved);

        Assert.That(cited, Is.EqualTo(new[] { new Citation("contract_Julia_Bianchi.pdf", 2) }));
    }

    [Test]
    public void Select_PassagesRetrievedButNotNamed_AreNotCitations()
    {
        var cited = Citations.Select("The documents do not cover it.", s_retrieved);

        Assert.That(cited, Is.Empty);
    }

    [Test]
    public void Select_SeveralDocumentsAndPages_ListsEachInRetrievalOrder()
    {
        var cited = Citations.Select("See contract_Julia_Bianchi.pdf, pp. 2 and p. 3, and supplier_manual_acme.pdf p. 7.", s_retrieved);

        Assert.That(cited, Is.EqualTo(new[]
        {
            new Citation("contract_Julia_Bianchi.pdf", 2),
            new Citation("contract_Julia_Bianchi.pdf", 3),
            new Citation("supplier_manual_acme.pdf", 7),
        }));
    }

    [Test]
    public void Select_DocumentNamedWithoutAPage_GivesThePageOnlyWhenOneWasRetrieved()
    {
        var cited = Citations.Select("As supplier_manual_acme.pdf and contract_Julia_Bianchi.pdf say, and policies.docx too.", s_retrieved);

        Assert.That(cited, Is.EqualTo(new[]
        {
            new Citation("contract_Julia_Bianchi.pdf", null),
            new Citation("supplier_manual_acme.pdf", 7),
            new Citation("policies.docx", null),
        }));
    }

    [Test]
    public void Select_PageOfAnotherDocument_IsNotInventedForThisOne()
    {
        // p. 7 exists only in the supplier manual; the contract was retrieved on pages 2 and 3.
        var cited = Citations.Select("contract_Julia_Bianchi.pdf, p. 7", s_retrieved);

        Assert.That(cited, Is.EqualTo(new[] { new Citation("contract_Julia_Bianchi.pdf", null) }));
    }

    [Test]
    public void Select_ManyRetrievedDocumentsAllNamed_StopsAtTheMaximum()
    {
        var retrieved = Enumerable.Range(1, 40).Select(i => new Citation($"doc{i:00}.pdf", i)).ToList();
        var answer = string.Join(", ", retrieved.Select(r => $"{r.Document} p. {r.Page}"));

        var cited = Citations.Select(answer, retrieved);

        Assert.That(cited, Has.Count.EqualTo(Citations.Max));
        Assert.That(cited[0], Is.EqualTo(new Citation("doc01.pdf", 1)));
    }
}
