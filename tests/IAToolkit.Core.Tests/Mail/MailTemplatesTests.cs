using IAToolkit.Mail;

namespace IAToolkit.Core.Tests.Mail;

/// <summary>The identity and feedback mails: both languages, the link in both bodies, branding, and hostile values kept as text.</summary>
public sealed class MailTemplatesTests
{
    private static readonly Uri Link = new("https://acme.example/acme/verify/abc123");

    [Test]
    public void AccountVerification_English_HasSubjectGreetingButtonLinkAndLifetime()
    {
        var mail = MailTemplates.AccountVerification(MailTestCompany.Create(MailTestCompany.Branding), "en", "Ana", Link, TimeSpan.FromHours(5));

        Assert.That(mail.Subject, Is.EqualTo("ACME & Sons: confirm your e-mail address"));
        Assert.That(mail.HtmlBody, Does.Contain("<html lang=\"en\">").And.Contain("Hello Ana,").And.Contain("The link expires in 5 hours.")
            .And.Contain(">Verify my account</a>").And.Contain("href=\"https://acme.example/acme/verify/abc123\""));
        Assert.That(mail.HtmlBody, Does.Contain("background-color:#AA3300;color:#FFFFEE;"), "the button takes brand_primary_color and brand_text_on_primary");
        Assert.That(mail.HtmlBody, Does.Contain("ACME &amp; Sons").And.Not.Contain("ACME & Sons"));
        Assert.That(mail.TextBody, Does.Contain("Hello Ana,").And.Contain("Verify my account:\nhttps://acme.example/acme/verify/abc123").And.Contain("The ACME & Sons team"));
    }

    [Test]
    public void AccountVerification_Spanish_IsInSpanish()
    {
        var mail = MailTemplates.AccountVerification(MailTestCompany.Create(), "es", "Ana", Link, TimeSpan.FromHours(5));

        Assert.That(mail.Subject, Is.EqualTo("Verificación de cuenta - ACME & Sons"));
        Assert.That(mail.HtmlBody, Does.Contain("<html lang=\"es\">").And.Contain("Hola Ana,").And.Contain("Verificar mi cuenta").And.Contain("El enlace vence en 5 horas."));
        Assert.That(mail.TextBody, Does.Contain("Gracias por registrarte en ACME & Sons.").And.Contain(Link.AbsoluteUri).And.Contain("El equipo de ACME & Sons"));
    }

    [TestCase("en", "ACME & Sons: reset your password", "Choose a new password", "The link expires in 1 hour.", "The link can be used once.")]
    [TestCase("es", "Recuperación de contraseña - ACME & Sons", "Elegir una nueva contraseña", "El enlace vence en 1 hora.", "El enlace se puede usar una sola vez.")]
    public void PasswordReset_EachLanguage_HasItsTextsAndTheLinkInBothBodies(string language, string subject, string button, string lifetime, string singleUse)
    {
        var reset = new Uri("https://acme.example/acme/change-password/tok?x=1&y=2");

        var mail = MailTemplates.PasswordReset(MailTestCompany.Create(), language, null, reset, TimeSpan.FromHours(1));

        Assert.That(mail.Subject, Is.EqualTo(subject));
        Assert.That(mail.HtmlBody, Does.Contain(button).And.Contain(lifetime).And.Contain(singleUse)
            .And.Contain("href=\"https://acme.example/acme/change-password/tok?x=1&amp;y=2\""));
        Assert.That(mail.TextBody, Does.Contain("https://acme.example/acme/change-password/tok?x=1&y=2").And.Contain(lifetime));
        Assert.That(mail.HtmlBody, Does.Contain($"background-color:{MailBranding.DefaultPrimary};"), "no branding: the default color");
    }

    [TestCase("es", "Calificación")]
    [TestCase("en", "Rating")]
    public void FeedbackNotification_RatingAndComment_ShowsStarsAndKeepsLineBreaks(string language, string ratingLabel)
    {
        var mail = MailTemplates.FeedbackNotification(MailTestCompany.Create(), language, "ana@example.com", 4, "Good answers.\nSlow sometimes.");

        Assert.That(mail.HtmlBody, Does.Contain($"<strong>{ratingLabel}:</strong> ★★★★☆ (4/5)").And.Contain("Good answers.<br>Slow sometimes.").And.Contain("ana@example.com"));
        Assert.That(mail.TextBody, Does.Contain($"{ratingLabel}: ★★★★☆ (4/5)").And.Contain("Good answers.\nSlow sometimes."));
    }

    [Test]
    public void FeedbackNotification_NoComment_SaysSo()
    {
        var mail = MailTemplates.FeedbackNotification(MailTestCompany.Create(), "en", "u-42", 1, "  ");

        Assert.That(mail.Subject, Is.EqualTo("ACME & Sons: new feedback from u-42"));
        Assert.That(mail.TextBody, Does.Contain("Rating: ★☆☆☆☆ (1/5)").And.Contain("Comment: (no comment)"));
    }

    [Test]
    public void Templates_HostileValues_ArriveAsTextInTheHtml()
    {
        var company = MailTestCompany.Create();
        const string script = "<script>alert('x')</script>";

        var verification = MailTemplates.AccountVerification(company, "en", script, Link, TimeSpan.FromHours(5));
        var feedback = MailTemplates.FeedbackNotification(company, "en", "\"><img src=x onerror=alert(1)>\r\nBcc: eve@example.com", 5, "<b>bold</b> & <a href=\"javascript:x\">");

        Assert.That(verification.HtmlBody, Does.Not.Contain("<script").And.Contain("Hello &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;,"));
        Assert.That(verification.TextBody, Does.Contain($"Hello {script},"), "the text body keeps the value as typed");
        Assert.That(feedback.HtmlBody, Does.Not.Contain("<img").And.Not.Contain("<b>").And.Not.Contain("javascript:x\">")
            .And.Contain("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;a href=&quot;javascript:x&quot;&gt;"));
        Assert.That(feedback.Subject, Does.Not.Contain("\r").And.Not.Contain("\n"), "a value cannot add a header line");
    }

    [TestCase("fr", "Hello Ana,")]
    [TestCase(null, "Hello Ana,")]
    [TestCase("ES", "Hola Ana,")]
    [TestCase("es_CL", "Hola Ana,")]
    public void AccountVerification_Language_SpanishOnlyForEs(string? language, string greeting)
        => Assert.That(MailTemplates.AccountVerification(MailTestCompany.Create(), language, "Ana", Link, TimeSpan.FromHours(5)).TextBody, Does.StartWith(greeting));

    [TestCase(30, "30 minutes")]
    [TestCase(60, "1 hour")]
    [TestCase(90, "90 minutes")]
    [TestCase(24 * 60, "1 day")]
    [TestCase(3 * 24 * 60, "3 days")]
    public void AccountVerification_Lifetime_IsToldInTheLargestWholeUnit(int minutes, string expected)
        => Assert.That(MailTemplates.AccountVerification(MailTestCompany.Create(), "en", "Ana", Link, TimeSpan.FromMinutes(minutes)).TextBody,
            Does.Contain($"The link expires in {expected}."));

    [Test]
    public void Templates_InvalidArguments_AreRefused()
    {
        var company = MailTestCompany.Create();

        Assert.Throws<ArgumentException>(() => MailTemplates.AccountVerification(company, "en", "Ana", new Uri("javascript:alert(1)"), TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => MailTemplates.PasswordReset(company, "en", null, Link, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => MailTemplates.FeedbackNotification(company, "en", "u", 0, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => MailTemplates.FeedbackNotification(company, "en", "u", 6, null));
    }

    [Test]
    public void ToMessage_RenderedMail_CarriesSubjectAndBothBodies()
    {
        var mail = MailTemplates.PasswordReset(MailTestCompany.Create(), "en", "Ana", Link, TimeSpan.FromHours(1));

        var message = mail.ToMessage("ana@example.com");

        Assert.That((message.To.Single(), message.Subject, message.HtmlBody, message.TextBody), Is.EqualTo(("ana@example.com", mail.Subject, mail.HtmlBody, mail.TextBody)));
    }
}
