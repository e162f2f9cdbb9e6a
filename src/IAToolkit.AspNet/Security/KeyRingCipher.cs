using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace IAToolkit.AspNet.Security;

/// <summary>
/// Encrypts the secret parts of the Data Protection key ring with AES-256-GCM under a key derived from
/// <c>IATOOLKIT_SECRET_KEY</c> (HKDF-SHA256 with a fixed purpose label). Whoever reads Redis sees only ciphertext; a
/// host with another secret cannot use the keys, so the cookies it mints are refused here and the other way round.
/// </summary>
internal sealed class KeyRingCipher
{
    /// <summary>The element that holds one encrypted key-ring element.</summary>
    public static readonly XName EncryptedElement = "iatEncryptedSecret";

    // Changing the label gives every host a new key: bump "v1" only together with a migration of the ring.
    private static readonly byte[] s_purpose = Encoding.UTF8.GetBytes("IAToolkit.DataProtection.KeyRing.v1");
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    public KeyRingCipher(string secretKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secretKey), 32, salt: [], info: s_purpose);
    }

    public XElement Encrypt(XElement plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var clear = Encoding.UTF8.GetBytes(plaintext.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + clear.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_key, TagSize))
        {
            aes.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceSize, clear.Length), sealedBytes.AsSpan(NonceSize + clear.Length), s_purpose);
        }

        CryptographicOperations.ZeroMemory(clear);
        return new XElement(
            EncryptedElement,
            new XComment(" Encrypted with AES-256-GCM under a key derived from IATOOLKIT_SECRET_KEY. "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
    }

    /// <exception cref="CryptographicException">The element was encrypted with another secret, or altered.</exception>
    public XElement Decrypt(XElement encrypted)
    {
        ArgumentNullException.ThrowIfNull(encrypted);
        if (encrypted.Name != EncryptedElement || encrypted.Element("value")?.Value is not { Length: > 0 } text)
        {
            throw new CryptographicException("The key-ring element is not one IAToolkit encrypted.");
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(text);
        }
        catch (FormatException ex)
        {
            throw new CryptographicException("The key-ring element is not valid base64.", ex);
        }

        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The key-ring element is too short.");
        }

        var length = sealedBytes.Length - NonceSize - TagSize;
        var clear = new byte[length];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), clear, s_purpose);
            return XElement.Parse(Encoding.UTF8.GetString(clear));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new CryptographicException("The key ring was encrypted with another IATOOLKIT_SECRET_KEY (or altered); its keys are not used.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }
}
