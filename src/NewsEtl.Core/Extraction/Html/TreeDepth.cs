using AngleSharp.Dom;

namespace NewsEtl.Extraction.Html;

/// <summary>Measures a parsed tree's depth without recursion.</summary>
internal static class TreeDepth
{
    public static bool Exceeds(INode root, int limit)
    {
        var pending = new Stack<(INode Node, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > limit)
            {
                return true;
            }

            // By index: AngleSharp finds a node's next sibling by searching its parent's children.
            var children = node.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i] is { HasChildNodes: true } child)
                {
                    pending.Push((child, depth + 1));
                }
            }
        }

        return false;
    }
}
