import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

/** Renders a reply and returns the Markdown's own root (MantineProvider adds its style element beside it). */
const show = (text: string) =>
  render(<Markdown>{text}</Markdown>, { wrapper: MantineProvider }).container.querySelector<HTMLElement>(
    '.guichet-markdown',
  )!;

describe('Markdown in replies', () => {
  it('renders bold, lists, code and links', () => {
    const view = show(
      '**Redémarrez** :\n\n- quitter\n- relancer\n\n`vpn --reset`, voir [la FAQ](https://faq.example.test).',
    );
    expect(view.querySelector('strong')).toHaveTextContent('Redémarrez');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['quitter', 'relancer']);
    expect(view.querySelector('code')).toHaveTextContent('vpn --reset');
    const link = screen.getByRole('link', { name: 'la FAQ' });
    expect(link).toHaveAttribute('href', 'https://faq.example.test');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('target', '_blank');
  });

  it('keeps single line breaks of a reply', () => {
    expect(show('Bonjour,\nmerci').querySelector('br')).not.toBeNull();
  });

  it.each([
    ['<script>window.pwned = true</script>'],
    ['<img src="x" onerror="window.pwned = true">'],
    ['<b onclick="window.pwned = true">gras</b>'],
    ['<iframe src="https://evil.test"></iframe>'],
    ['[clic](javascript:window.pwned=true)'],
    ['![pixel](https://tracker.test/p.gif)'],
    ['<a href="https://evil.test" onmouseover="x()">lien</a>'],
  ])('renders %s inert', (payload) => {
    const view = show(`Avant\n\n${payload}\n\nAprès`);
    expect(view.querySelector('script, img, iframe, object, embed, style')).toBeNull();
    for (const element of view.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/i);
    }
    for (const link of view.querySelectorAll('a')) {
      expect(link.getAttribute('href') ?? '').not.toMatch(/^javascript:/i);
      expect(link.getAttribute('href')).not.toBe('https://evil.test');
    }
    expect(view).toHaveTextContent('Après');
    expect((window as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('shows raw HTML as the text that was written', () => {
    const view = show('Voici : <script>alert(1)</script>');
    expect(view).toHaveTextContent('Voici : <script>alert(1)</script>');
    expect(view.querySelector('script')).toBeNull();
  });
});
