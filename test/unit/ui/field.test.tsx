// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Field } from '../../../src/ui/Field';

afterEach(cleanup);

describe('Field', () => {
  it('writes its own signal and nothing else', () => {
    const name = signal('a');
    const other = signal('b');
    render(
      <>
        <Field label="Name" value={name} />
        <Field label="Other" value={other} />
      </>,
    );
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'typed' } });
    expect(name.value).toBe('typed');
    expect(other.value).toBe('b');
  });

  it('follows its signal', async () => {
    const value = signal('one');
    render(<Field label="Name" value={value} />);
    value.value = 'two';
    await screen.findByDisplayValue('two');
  });

  it('uses onValue instead of writing when given', () => {
    const value = signal('');
    const onValue = vi.fn();
    render(<Field label="Width" type="number" value={value} onValue={onValue} />);
    fireEvent.input(screen.getByLabelText('Width'), { target: { value: '5' } });
    expect(onValue).toHaveBeenCalledWith('5');
    expect(value.value).toBe('');
  });

  it('reports blur at once, or after the click when focus went to a button', async () => {
    const onBlur = vi.fn();
    render(
      <>
        <Field label="Name" value={signal('')} onBlur={onBlur} />
        <button type="button">Save</button>
      </>,
    );
    const input = screen.getByLabelText('Name');
    fireEvent.blur(input);
    expect(onBlur).toHaveBeenCalledTimes(1);
    fireEvent.blur(input, { relatedTarget: screen.getByRole('button', { name: 'Save' }) });
    expect(onBlur).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onBlur).toHaveBeenCalledTimes(2));
  });

  it('is valid with only a description', () => {
    render(<Field label="Secret" type="password" value={signal('')} description="A secret is set." />);
    const input = screen.getByLabelText('Secret');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('type')).toBe('password');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe('A secret is set.');
  });

  it('marks an error and links both the error and the description', () => {
    render(<Field label="Title" value={signal('')} error="Title is required." description="Shown above the code." multiline />);
    const input = screen.getByLabelText('Title');
    expect(input.tagName).toBe('TEXTAREA');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
    expect(ids.map((id) => document.getElementById(id)?.textContent)).toEqual(['Title is required.', 'Shown above the code.']);
  });
});
