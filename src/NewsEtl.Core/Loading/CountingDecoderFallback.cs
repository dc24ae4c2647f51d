using System.Text;

namespace NewsEtl.Loading;

/// <summary>Replaces each undecodable byte sequence with U+FFFD, as the replacement fallback does, and counts them.</summary>
internal sealed class CountingDecoderFallback : DecoderFallback
{
    public int Count { get; private set; }

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer(CountingDecoderFallback owner) : DecoderFallbackBuffer
    {
        private int remaining;

        public override int Remaining => remaining;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.Count++;
            remaining = 1;
            return true;
        }

        public override char GetNextChar()
        {
            if (remaining == 0)
            {
                return '\0';
            }

            remaining--;
            return '\uFFFD';
        }

        public override bool MovePrevious()
        {
            if (remaining > 0)
            {
                return false;
            }

            remaining = 1;
            return true;
        }

        public override void Reset() => remaining = 0;
    }
}
