namespace NewsEtl.Repair;

/// <summary>One decoded UTF-8 character, or the characters it may have been when one of its bytes was lost.</summary>
internal sealed record Utf8Piece(string[] Choices, bool MultiByte)
{
    public bool Known => Choices.Length == 1;
}

/// <summary>A strict UTF-8 decoder fed one byte at a time, where a byte may be unknown (lost by the misreading).</summary>
internal sealed class Utf8Stepper
{
    private readonly int[] _bytes = new int[4];
    private int _length;
    private int _have;
    private int _unknownAt = -1;
    // A two-byte character of the misreading can complete one UTF-8 character and start another: both wait here.
    private readonly List<Utf8Piece> _emitted = new(2);

    /// <summary>True while a multi-byte sequence waits for continuation bytes.</summary>
    public bool Open => _have < _length;

    public bool Push(byte b)
    {
        if (!Open)
        {
            _length = b switch
            {
                < 0x80 => 1,
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            if (_length == 0)
            {
                return false;
            }

            _have = 0;
            _unknownAt = -1;
        }
        else if (!FitsContinuation(_bytes[0], _have, b))
        {
            return false;
        }

        _bytes[_have++] = b;
        Complete();
        return true;
    }

    /// <summary>A continuation byte the misreading lost; at most one per character, or the candidates explode.</summary>
    public bool Unknown()
    {
        if (!Open || _unknownAt >= 0)
        {
            return false;
        }

        _unknownAt = _have;
        _bytes[_have++] = -1;
        Complete();
        return true;
    }

    /// <summary>Moves a completed character into <paramref name="pieces"/>.</summary>
    public void Drain(List<Utf8Piece> pieces, ref bool multiByte)
    {
        foreach (var piece in _emitted)
        {
            pieces.Add(piece);
            multiByte |= piece.MultiByte;
        }

        _emitted.Clear();
    }

    private void Complete()
    {
        if (Open)
        {
            return;
        }

        if (_unknownAt < 0)
        {
            _emitted.Add(new Utf8Piece([CodePoint()], _length > 1));
            return;
        }

        var choices = new List<string>(64);
        for (var b = 0x80; b <= 0xBF; b++)
        {
            if (FitsContinuation(_bytes[0], _unknownAt, b))
            {
                _bytes[_unknownAt] = b;
                choices.Add(CodePoint());
            }
        }

        _bytes[_unknownAt] = -1;
        _emitted.Add(new Utf8Piece([.. choices], true));
    }

    private string CodePoint()
    {
        var value = _length switch
        {
            1 => _bytes[0],
            2 => ((_bytes[0] & 0x1F) << 6) | (_bytes[1] & 0x3F),
            3 => ((_bytes[0] & 0x0F) << 12) | ((_bytes[1] & 0x3F) << 6) | (_bytes[2] & 0x3F),
            _ => ((_bytes[0] & 0x07) << 18) | ((_bytes[1] & 0x3F) << 12) | ((_bytes[2] & 0x3F) << 6) | (_bytes[3] & 0x3F),
        };
        return char.ConvertFromUtf32(value);
    }

    /// <summary>Continuation bytes are 0x80-0xBF; the second byte is narrower after E0, ED, F0 and F4 (no overlong forms, no surrogates).</summary>
    private static bool FitsContinuation(int lead, int position, int b) => position == 1
        ? lead switch
        {
            0xE0 => b is >= 0xA0 and <= 0xBF,
            0xED => b is >= 0x80 and <= 0x9F,
            0xF0 => b is >= 0x90 and <= 0xBF,
            0xF4 => b is >= 0x80 and <= 0x8F,
            _ => b is >= 0x80 and <= 0xBF,
        }
        : b is >= 0x80 and <= 0xBF;
}
