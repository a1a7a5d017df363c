import React, {useState, useEffect} from 'react';
import {render, Box, Text, useApp} from 'ink';

const h = React.createElement;

function App() {
    const [n, setN] = useState(0);
    const {exit} = useApp();
    useEffect(() => {
        const t = setInterval(() => setN(v => {
            if (v >= 3) { clearInterval(t); setTimeout(exit, 50); return v; }
            return v + 1;
        }), 100);
        return () => clearInterval(t);
    }, []);
    return h(Box, {flexDirection: 'column', borderStyle: 'round', borderColor: 'cyan', width: 40},
        h(Text, {bold: true, color: 'green'}, 'Agent at work'),
        h(Text, null, `step ${n} of 3 `, h(Text, {color: '#ff8800'}, '●'.repeat(n))),
        h(Text, {dimColor: true}, n >= 3 ? 'done' : 'thinking…'));
}
render(h(App));
