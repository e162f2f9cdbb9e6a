using System.Text.Json;
using IAToolkit.Assistant.Tools;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Core.Tests.Assistant;

/// <summary>
/// The recipient policy and caps of <c>iat_send_email</c>, with every trick an injected model could try to reach an
/// outside address. The same policy runs end to end (scripted model, SMTP sink) in the host's SendEmailToolTests.
/// </summary>
[Category("Security")]
public sealed class SendEmailPolicyTests
{
    private static readonly MailToolSettings s_domains = new() { AllowedDomains = ["acme.com"] };
    private static readonly CompanyUserInfo s_user = new() { UserIdentifier = "ana", Email = "Ana.Diaz@Gmail.com" };

    [TestCase("a@acme.com.evil.com", TestName = "Check_SuffixOfAnotherDomain_IsRefused")]
    [TestCase("a@evil-acme.com", TestName = "Check_DomainEndingLikeTheAllowedOne_IsRefused")]
    [TestCase("a@sub.acme.com", TestName = "Check_SubdomainNotListed_IsRefused")]
    [TestCase("a@evil.com", TestName = "Check_OtherDomain_IsRefused")]
    [TestCase("\"a@acme.com\" <a@evil.com>", TestName = "Check_DisplayNameLookingAllowed_IsRefused")]
    [TestCase("a@acme.com <a@evil.com>", TestName = "Check_BareDisplayNameLookingAllowed_IsRefused")]
    [TestCase("\"a@acme.com\"@evil.com", TestName = "Check_QuotedLocalPartWithAllowedAddress_IsRefused")]
    [TestCase("a@acme.com@evil.com", TestName = "Check_TwoAts_IsRefused")]
    [TestCase("a@acme.com, b@evil.com", TestName = "Check_CommaList_IsRefused")]
    [TestCase("a@acme.com;b@evil.com", TestName = "Check_SemicolonList_IsRefused")]
    [TestCase("a@acme.com\r\nBcc: b@evil.com", TestName = "Check_CrLfHeaderInjection_IsRefused")]
    [TestCase("a@acme.com\nb@evil.com", TestName = "Check_LineFeedList_IsRefused")]
    [TestCase("undisclosed:a@evil.com;", TestName = "Check_GroupSyntax_IsRefused")]
    [TestCase("undisclosed-recipients:;", TestName = "Check_EmptyGroup_IsRefused")]
    [TestCase("a(comment)@acme.com", TestName = "Check_Comment_IsRefused")]
    [TestCase("a@acme.com(x)", TestName = "Check_TrailingComment_IsRefused")]
    [TestCase("a%evil.com@acme.com", TestName = "Check_PercentRelayHack_IsRefused")]
    [TestCase("evil.com!a@acme.com", TestName = "Check_BangPath_IsRefused")]
    [TestCase("@evil.com:a@acme.com", TestName = "Check_SourceRoute_IsRefused")]
    [TestCase("a@[203.0.113.5]", TestName = "Check_IpLiteral_IsRefused")]
    [TestCase("a@acme.com.", TestName = "Check_TrailingDot_IsRefused")]
    [TestCase("a@\u0430cme.com", TestName = "Check_CyrillicLookalikeDomain_IsRefused")]
    [TestCase("a@acme\uFF0Ecom", TestName = "Check_FullWidthDotDomain_IsRefused")]
    [TestCase("a@xn--cme-8cd.com", TestName = "Check_PunycodeLookalike_IsRefused")]
    [TestCase("a@ACME.COM.evil.com", TestName = "Check_UppercaseSuffixTrick_IsRefused")]
    [TestCase("a\u200B@acme.com", TestName = "Check_ZeroWidthCharacter_IsRefused")]
    [TestCase("a@acme.com\0", TestName = "Check_NulCharacter_IsRefused")]
    [TestCase("acme.com", TestName = "Check_NoAt_IsRefused")]
    [TestCase("", TestName = "Check_Empty_IsRefused")]
    public void Check_HostileRecipient_IsRefused(string recipient)
    {
        var refusal = Assert.Throws<SendEmailRefusal>(() => Check(new { to = new[] { "ok@acme.com", recipient }, subject = "s", body = "b" }))!;

        Assert.That(refusal.Code, Is.EqualTo(ErrorCodes.MailNotAllowed));
        Assert.That(refusal.Message, Does.EndWith("Nothing was sent."));
    }

    [TestCase("bob@acme.com", "bob@acme.com")]
    [TestCase("Bob.Smith+reports@ACME.com", "Bob.Smith+reports@acme.com")]
    [TestCase("  o'brien@acme.com ", "o'brien@acme.com")]
    [TestCase("ana.diaz@gmail.com", "ana.diaz@gmail.com")]
    public void Check_AllowedRecipient_IsAcceptedInCanonicalForm(string recipient, string canonical)
    {
        var (to, _, _) = Check(new { to = new[] { recipient }, subject = "s", body = "b" });

        Assert.That(to, Is.EqualTo(new[] { canonical }));
    }

    [Test]
    public void Check_SingleStringWithOneAddress_IsAccepted()
        => Assert.That(Check(new { to = "bob@acme.com", subject = "s", body = "b" }).To, Is.EqualTo(new[] { "bob@acme.com" }));

    [Test]
    public void Check_Duplicates_CountOnce()
    {
        var (to, _, _) = Check(new { to = new[] { "a@acme.com", "A@ACME.COM", "b@acme.com", "a@acme.com", "b@Acme.com", "c@acme.com", "d@acme.com", "e@acme.com" }, subject = "s", body = "b" });

        Assert.That(to, Is.EqualTo(new[] { "a@acme.com", "b@acme.com", "c@acme.com", "d@acme.com", "e@acme.com" }));
    }

    [TestCase(6)]
    [TestCase(1000)]
    public void Check_MoreRecipientsThanTheCap_IsRefused(int count)
    {
        var refusal = Assert.Throws<SendEmailRefusal>(() => Check(new { to = Enumerable.Range(0, count).Select(i => $"u{i}@acme.com").ToArray(), subject = "s", body = "b" }))!;

        Assert.That((refusal.Rule, refusal.Message), Is.EqualTo(("too_many_recipients", "One mail may have at most 5 recipients; this one has more. Nothing was sent.")));
    }

    [TestCase("cc")]
    [TestCase("bcc")]
    [TestCase("reply_to")]
    [TestCase("headers")]
    public void Check_ExtraAddressField_IsRefused(string field)
    {
        var arguments = new Dictionary<string, object> { ["to"] = new[] { "a@acme.com" }, ["subject"] = "s", ["body"] = "b", [field] = new[] { "x@evil.com" } };

        var refusal = Assert.Throws<SendEmailRefusal>(() => Check(arguments))!;

        Assert.That(refusal.Rule, Is.EqualTo("unknown_argument"));
        Assert.That(refusal.Message, Does.Contain($"'{field}' is not accepted"));
    }

    [Test]
    public void Check_NonStringRecipient_IsRefusedNotThrown()
    {
        var refusal = Assert.Throws<SendEmailRefusal>(() => Check(new { to = new object[] { "a@acme.com", 42 }, subject = "s", body = "b" }))!;

        Assert.That(refusal.Message, Is.EqualTo("to[1] must be a string holding one e-mail address."));
    }

    [Test]
    public void Check_SelfPolicy_OnlyTheUsersOwnAddress()
    {
        var self = new MailToolSettings { AllowedRecipients = MailRecipientScope.Self, AllowedDomains = ["acme.com"] };

        Assert.That(Check(new { to = new[] { "ANA.DIAZ@gmail.com" }, subject = "s", body = "b" }, self).To, Has.Count.EqualTo(1));
        var refusal = Assert.Throws<SendEmailRefusal>(() => Check(new { to = new[] { "bob@acme.com" }, subject = "s", body = "b" }, self))!;
        Assert.That(refusal.Message, Does.StartWith("The assistant may send mail only to the address of the user who asks; not to bob@acme.com."));
    }

    [Test]
    public void Check_UserWithoutEmail_OnlyTheDomains()
    {
        var nobody = new CompanyUserInfo { UserIdentifier = "portal-42" };

        var refusal = Assert.Throws<SendEmailRefusal>(() => Check(new { to = new[] { "portal-42@gmail.com" }, subject = "s", body = "b" }, user: nobody))!;

        Assert.That(refusal.Message, Does.Contain("(this user has no known e-mail address)"));
    }

    [Test]
    public void Check_AnyPolicy_AcceptsOutsideAddressesButStillRefusesTricks()
    {
        var any = new MailToolSettings { AllowedRecipients = MailRecipientScope.Any };

        Assert.That(Check(new { to = new[] { "x@elsewhere.example" }, subject = "s", body = "b" }, any).To, Has.Count.EqualTo(1));
        Assert.Throws<SendEmailRefusal>(() => Check(new { to = new[] { "a@b.example, c@d.example" }, subject = "s", body = "b" }, any));
        Assert.Throws<SendEmailRefusal>(() => Check(new { to = Enumerable.Range(0, 6).Select(i => $"u{i}@x.example").ToArray(), subject = "s", body = "b" }, any));
    }

    [TestCase(201, "subject_too_long")]
    [TestCase(5000, "subject_too_long")]
    public void Check_LongSubject_IsRefused(int length, string rule)
    {
        var refusal = Assert.Throws<SendEmailRefusal>(() => Check(new { to = new[] { "a@acme.com" }, subject = new string('s', length), body = "b" }))!;

        Assert.That(refusal.Rule, Is.EqualTo(rule));
        Assert.That(refusal.Message, Does.Contain("at most 200 are allowed"));
    }

    [TestCase("Hi\r\nBcc: x@evil.com")]
    [TestCase("Hi\nthere")]
    [TestCase("Hi\tthere")]
    [TestCase("Hi\u2028there")]
    [TestCase("Hi\0")]
    public void Check_SubjectWithLineBreakOrControl_IsRefused(string subject)
    {
        var refusal = Assert.Throws<SendEmailRefusal>(() => Check(new { to = new[] { "a@acme.com" }, subject, body = "b" }))!;

        Assert.That(refusal.Rule, Is.EqualTo("subject_not_one_line"));
    }

    [Test]
    public void Check_LongBody_IsRefused()
    {
        var refusal = Assert.Throws<SendEmailRefusal>(() => Check(new { to = new[] { "a@acme.com" }, subject = "s", body = new string('b', 20_001) }))!;

        Assert.That(refusal.Message, Is.EqualTo("The body has 20,001 characters; at most 20,000 are allowed. Nothing was sent."));
    }

    [Test]
    public void Check_BodyAtTheCapWithLineBreaks_IsAccepted()
        => Assert.That(Check(new { to = new[] { "a@acme.com" }, subject = new string('s', 200), body = "line\r\n\tline" + new string('b', 19_989) }).Body, Has.Length.EqualTo(20_000));

    private static (IReadOnlyList<string> To, string Subject, string Body) Check(object arguments, MailToolSettings? settings = null, CompanyUserInfo? user = null)
        => SendEmailPolicy.Check(JsonSerializer.SerializeToElement(arguments), settings ?? s_domains, user ?? s_user);
}
