import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Providers } from '@/app/Providers';
import { StatusChips } from '@/features/tickets/components/StatusChips';
import i18n from '@/lib/i18n';
import { Pager } from '@/components/ui/Pager';

describe('counts and paging', () => {
  it('groups the digits of counts the French way, and the English way in English', async () => {
    await i18n.changeLanguage('fr');
    const { unmount } = render(
      <Providers>
        <Pager page={0} size={25} total={47839} onChange={() => {}} />
        <StatusChips
          value={[]}
          onChange={() => {}}
          counts={{ NEW: 47839, IN_PROGRESS: 1200, WAITING: 3, RESOLVED: 0, CLOSED: 1000000 }}
        />
      </Providers>,
    );
    // French groups with a narrow no-break space (CLDR), e.g. « 47 839 ».
    expect(screen.getByText(/^1–25 sur 47\s839$/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /^Nouveau · 47\s839$/ })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /^Clos · 1\s000\s000$/ })).toBeInTheDocument();
    unmount();

    await i18n.changeLanguage('en');
    render(
      <Providers>
        <Pager page={1} size={25} total={47839} onChange={() => {}} />
      </Providers>,
    );
    expect(screen.getByText('26–50 of 47,839')).toBeInTheDocument();
    await i18n.changeLanguage('fr');
  });

  it('shows the new page from its top', async () => {
    await i18n.changeLanguage('fr');
    const scrollTo = vi.fn();
    window.scrollTo = scrollTo as unknown as typeof window.scrollTo;
    const onChange = vi.fn();
    render(
      <Providers>
        <Pager page={0} size={25} total={100} onChange={onChange} />
      </Providers>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    expect(onChange).toHaveBeenCalledWith(1);
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
  });
});
